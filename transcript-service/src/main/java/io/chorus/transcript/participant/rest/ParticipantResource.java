package io.chorus.transcript.participant.rest;

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
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.participant.service.ParticipantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
@PersonalData
public class ParticipantResource {

    /** The short questionnaire; consent is not set here (see the withdrawal endpoint). */
    public record ParticipantData(
            @Pattern(regexp = "female|male|diverse|not-stated", message = "must be female, male, diverse or not-stated") String gender,
            @Min(16) @Max(110) Integer age,
            @Size(max = 100) String role,
            @Size(max = 200) String professionalBackground,
            @Min(0) @Max(70) Integer yearsOfExperience,
            Boolean previousPeerSupportExperience) {
    }

    public record WithdrawalView(Participant participant, int transcriptsRedacted, int paragraphsRedacted) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    ParticipantService service;

    @Inject
    ParticipantRepository repository;

    @Inject
    Caller caller;

    @PUT
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Register or update a pseudonymous participant of your site (e.g. P9)",
            description = "201 when registered, 200 when updated or unchanged.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Participant.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Participant.class)))
    public Response putParticipant(@PathParam("site") String site,
            @PathParam("number") @Pattern(regexp = "[A-Za-z][A-Za-z0-9#]{0,39}", message = "must be a speaker code such as 'P9'") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Replace only the representation with this ETag") String ifMatch, @NotNull @Valid ParticipantData data, @Context UriInfo uri) {
        caller.requireAt(site, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        Versions.requireRepresentation(ifMatch, json, () -> getParticipant(site, number));
        ParticipantService.Upserted result = service.upsert(new Participant(site, number, data.gender(), data.age(), data.role(),
                data.professionalBackground(), data.yearsOfExperience(), data.previousPeerSupportExperience(), null, null, 0, null, null),
                Versions.stillNamed(ifMatch, json));
        return result.created()
                ? Response.created(uri.getAbsolutePath()).entity(result.participant()).build()
                : Response.ok(result.participant()).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "List your site's participants")
    public Page<Participant> listParticipants(@PathParam("site") String site,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        caller.requireReadAccess(site, "Site '" + site + "'", Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.CONSORTIUM_ADMIN);
        return new Page<>(repository.listBySite(site, page, size), page, size, repository.countBySite(site));
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.CONSORTIUM_ADMIN})
    public Participant getParticipant(@PathParam("site") String site, @PathParam("number") String number) {
        caller.requireReadAccess(site, "Participant '" + number + "'", Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.CONSORTIUM_ADMIN);
        return service.get(site, number);
    }

    @POST
    @Path("/{number}/withdrawal")
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Record a withdrawal of consent",
            description = "Redacts the participant's turns in every transcript and translation of the site, released ones "
                    + "included, drops their questionnaire, and tells coding and reporting to purge what they derived.")
    public WithdrawalView withdrawParticipant(@PathParam("site") String site, @PathParam("number") String number) {
        caller.requireReadAccess(site, "Participant '" + number + "'");
        caller.requireAt(site, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        ParticipantService.Withdrawal withdrawal = service.withdraw(site, number, caller.username());
        return new WithdrawalView(withdrawal.participant(), withdrawal.transcripts(), withdrawal.paragraphs());
    }
}
