package io.chorus.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control} on every API answer: {@code no-store} for {@link PersonalData}, otherwise
 * {@code private, no-cache} so that a browser revalidates with {@code If-None-Match} and gets a 304.
 */
public class CacheControls {

    public static final String NO_STORE = "no-store";
    public static final String REVALIDATE = "private, no-cache";

    @ServerResponseFilter(priority = 100)
    public void mark(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        boolean personal = resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PersonalData.class)
                        || resource.getResourceClass().isAnnotationPresent(PersonalData.class));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, personal || response.getStatus() >= 400 ? NO_STORE : REVALIDATE);
    }
}
