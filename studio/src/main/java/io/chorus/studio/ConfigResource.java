package io.chorus.studio;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The addresses the browser app calls, as {@code /config.json}: the only thing Studio's server does besides serving the app. */
@Path("/config.json")
public class ConfigResource {

    public record StudioSettings(String keycloakUrl, String realm, String clientId, String transcriptUrl, String codingUrl,
            String reportingUrl, String identityUrl) {
    }

    @Inject
    StudioConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StudioSettings settings() {
        return new StudioSettings(config.keycloakUrl(), config.realm(), config.clientId(), config.transcriptUrl(),
                config.codingUrl(), config.reportingUrl(), config.identityUrl());
    }
}
