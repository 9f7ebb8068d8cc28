package io.chorus.transcript.subjectaccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.http.Downloads;
import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/participants/{number}/data-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
@PersonalData
public class SubjectAccessResource {

    /** A data request as its site lead sees it; {@code archive} is where the archive is downloaded once ready. */
    public record DataRequestView(String id, String site, String participant, String requestedBy, Instant requestedAt,
            @Schema(enumeration = {"gathering", "ready"}) String status, List<DataRequest.Delivery> deliveries, Instant expiresAt,
            String archive) {

        static DataRequestView of(DataRequest r) {
            String base = "/api/sites/" + r.site() + "/participants/" + r.participant() + "/data-requests/" + r.id();
            return new DataRequestView(r.id(), r.site(), r.participant(), r.requestedBy(), r.requestedAt(), r.status(), r.deliveries(),
                    r.expiresAt(), DataRequest.READY.equals(r.status()) ? base + "/archive" : null);
        }
    }

    @Inject
    SubjectAccess service;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.SITE_LEAD)
    @Operation(summary = "Ask for everything Chorus holds on one participant of your site (GDPR Art. 15 and 20)",
            description = "202: the request gathers what transcript-service holds (questionnaire, consent, every paragraph they said, "
                    + "original and English) and what coding-service holds (codings and memos on those paragraphs; a report quote is "
                    + "such a coding). Poll the request until its status is ready, then download the archive. The request and every "
                    + "download are recorded in it; it is deleted when the participant withdraws, and a week after it was made.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DataRequestView.class)))
    public Response requestParticipantData(@PathParam("site") String site, @PathParam("number") String number) {
        caller.requireReadAccess(site, "Participant '" + number + "'", Roles.SITE_LEAD);
        DataRequest request = service.request(site, number, caller.username());
        return Response.accepted(DataRequestView.of(request))
                .location(URI.create("/api/sites/" + site + "/participants/" + number + "/data-requests/" + request.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.SITE_LEAD)
    @Operation(summary = "A data request: gathering, or ready with the archive's address")
    public DataRequestView getParticipantDataRequest(@PathParam("site") String site, @PathParam("number") String number,
            @PathParam("id") String id) {
        caller.requireReadAccess(site, "Participant '" + number + "'", Roles.SITE_LEAD);
        return DataRequestView.of(service.get(site, number, id));
    }

    @GET
    @Path("/{id}/archive")
    @Produces({Downloads.QDPX, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.SITE_LEAD)
    @Operation(summary = "Download the archive: participant.json and summary.html in one .zip; the download is recorded",
            description = "409 while the request is still gathering.")
    @APIResponse(responseCode = "200", description = "The archive", content = @Content(mediaType = Downloads.QDPX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response downloadParticipantData(@PathParam("site") String site, @PathParam("number") String number, @PathParam("id") String id) {
        caller.requireReadAccess(site, "Participant '" + number + "'", Roles.SITE_LEAD);
        byte[] archive = ArchiveFiles.zip(json, service.deliver(site, number, id, caller.username(), caller.subject()));
        return Downloads.attachment(archive, Downloads.QDPX, "participant-" + site + "-" + number + ".zip");
    }
}
