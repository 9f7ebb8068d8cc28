package io.chorus.common.input;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Location} comes from the configured public URL of the service ({@code chorus.public-url}), or is a
 * path relative to it when none is set; never from the request's {@code Host} header.
 */
public class PublicLocations {

    @ConfigProperty(name = "chorus.public-url")
    Optional<String> publicUrl;

    @ServerResponseFilter
    public void rewrite(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = URI.create(location.toString());
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String base = publicUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).orElse("");
        response.getHeaders().putSingle(HttpHeaders.LOCATION, base + path);
    }
}
