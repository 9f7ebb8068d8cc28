package io.chorus.studio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Chorus Studio finds Keycloak and the four services: read at run time, so one build serves every deployment. */
@ConfigMapping(prefix = "chorus.studio")
public interface StudioConfig {

    /** Keycloak's base URL (without /realms). */
    @WithDefault("http://localhost:8180")
    String keycloakUrl();

    @WithDefault("chorus")
    String realm();

    /** The public client Studio signs in with (authorization code with PKCE). */
    @WithDefault("chorus-frontend")
    String clientId();

    @WithDefault("http://localhost:8081")
    String transcriptUrl();

    @WithDefault("http://localhost:8082")
    String codingUrl();

    @WithDefault("http://localhost:8083")
    String reportingUrl();

    @WithDefault("http://localhost:8084")
    String identityUrl();
}
