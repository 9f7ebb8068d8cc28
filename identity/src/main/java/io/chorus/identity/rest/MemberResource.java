package io.chorus.identity.rest;

import io.chorus.common.problem.Problem;
import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.common.security.Roles;
import io.chorus.identity.service.MemberService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Site members")
@RolesAllowed({Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD})
@PersonalData
public class MemberResource {

    @Inject
    MemberService members;

    @POST
    @Operation(summary = "Add a person to the site with a role; an unknown username is invited (created, sets a password at first login)",
            description = "Consortium admins: any site, any role. Site leads: their own sites, no role above site-lead, never themselves. "
                    + "409 when the person is already a member.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberService.Member.class)))
    public Response addMember(@PathParam("site") String site, @Valid @NotNull MemberService.NewMember command) {
        MemberService.Member member = members.add(site, command);
        return Response.created(URI.create("/api/sites/" + site + "/members/" + member.username())).entity(member).build();
    }

    @GET
    public List<MemberService.Member> listMembers(@PathParam("site") String site) {
        return members.list(site);
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Change a member's role")
    public MemberService.Member changeMemberRoles(@PathParam("site") String site, @PathParam("username") String username,
            @Valid @NotNull MemberService.RoleChange command) {
        return members.changeRole(site, username, command);
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Revoke a member: new tokens lose the site at once and their sessions end; "
            + "an access token already issued stays valid until it expires (at most 5 minutes)")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public void revokeMember(@PathParam("site") String site, @PathParam("username") String username) {
        members.revoke(site, username);
    }
}
