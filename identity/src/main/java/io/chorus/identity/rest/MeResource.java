package io.chorus.identity.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import io.chorus.common.security.SiteRoles;
import java.util.Map;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@PersonalData
public class MeResource {

    public record Me(String subject, String username, Set<String> consortiumRoles, Map<String, Set<String>> siteRoles,
            Set<String> sites) {
    }

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @GET
    @Authenticated
    @Operation(summary = "Who the token speaks for: consortium-wide roles, roles per site, sites, as every Chorus service reads them")
    public Me getMe() {
        SiteRoles roles = SiteRoles.of(token);
        Set<String> consortium = new TreeSet<>(roles.realmRoles());
        consortium.retainAll(Roles.CONSORTIUM_WIDE);
        return new Me(token.getSubject(), caller.username(), consortium, roles.bySite(), roles.bySite().keySet());
    }
}
