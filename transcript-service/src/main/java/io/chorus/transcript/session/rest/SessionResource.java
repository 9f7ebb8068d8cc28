package io.chorus.transcript.session.rest;

import io.chorus.common.http.PersonalData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.rest.Versions;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.transcript.session.repository.Session;
import io.chorus.transcript.session.repository.SessionRepository;
import io.chorus.transcript.session.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@PersonalData
public class SessionResource {

    /** A focus group or interview as the site records it; moderator and assistant are pseudonymous staff ids. */
    public record SessionData(
            @NotBlank @Size(max = 100) String study,
            @NotBlank @Size(max = 100) String phase,
            @NotNull @Pattern(regexp = "focus-group|interview", message = "must be focus-group or interview") String kind,
            @NotNull @PastOrPresent LocalDate date,
            @Min(1) @Max(600) Integer durationMinutes,
            @Size(max = 200) String venue,
            @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as 'de' or 'sw'") String language,
            @Size(max = 40) String moderator,
            @Size(max = 40) String assistant,
            @Size(max = 100) String participantGroup,
            @Size(max = 40) String topicGuideVersion,
            @Size(max = 50) List<@Pattern(regexp = "[A-Za-z][A-Za-z0-9#]{0,39}", message = "must be a speaker code such as 'P9'") String> participants,
            @Size(max = 100000) String fieldNotes) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    SessionService service;

    @Inject
    SessionRepository repository;

    @Inject
    Caller caller;

    @PUT
    @Path("/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Record a session of your site with its field notes",
            description = "Idempotent by external id: 201 when recorded, 200 when updated or unchanged. Publishes session-recorded.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    public Response putSession(@PathParam("site") String site,
            @PathParam("externalId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "may contain only letters, digits and . _ : -") String externalId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Replace only the representation with this ETag") String ifMatch, @NotNull @Valid SessionData data, @Context UriInfo uri) {
        caller.requireAt(site, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        Versions.requireRepresentation(ifMatch, json, () -> getSession(site, externalId));
        SessionService.Upserted result = service.record(new Session(site, externalId, data.study(), data.phase(), data.kind(),
                data.date(), data.durationMinutes(), data.venue(), data.language(), data.moderator(), data.assistant(),
                data.participantGroup(), data.topicGuideVersion(), data.participants() == null ? List.of() : data.participants(),
                data.fieldNotes(), 0, null, null), Versions.stillNamed(ifMatch, json));
        return result.created()
                ? Response.created(uri.getAbsolutePath()).entity(result.session()).build()
                : Response.ok(result.session()).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "List your site's sessions by date",
            description = "Field notes only for members of the site; consortium admins see the sessions without them.")
    public Page<Session> listSessions(@PathParam("site") String site,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        caller.requireReadAccess(site, "Site '" + site + "'", Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.CONSORTIUM_ADMIN);
        boolean member = caller.isMemberOf(site);
        return new Page<>(repository.listBySite(site, page, size).stream().map(s -> member ? s : s.withoutFieldNotes()).toList(),
                page, size, repository.countBySite(site));
    }

    @GET
    @Path("/{externalId}")
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.CONSORTIUM_ADMIN})
    public Session getSession(@PathParam("site") String site, @PathParam("externalId") String externalId) {
        caller.requireReadAccess(site, "Session '" + externalId + "'", Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.CONSORTIUM_ADMIN);
        Session session = service.get(site, externalId);
        return caller.isMemberOf(site) ? session : session.withoutFieldNotes();
    }
}
