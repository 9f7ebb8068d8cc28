package io.chorus.transcript.study.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.rest.Versions;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.study.repository.Study;
import io.chorus.transcript.study.repository.StudyRepository;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Studies")
public class StudyResource {

    public record StudyData(@NotBlank @Size(max = 300) String title,
            @NotNull @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}",
                    message = "must be a short lower-case name such as 'pre-intervention'") String> phases,
            Study.Withdrawal withdrawal,
            @Schema(description = "The day after which the study's non-English originals are erased; null keeps them")
            java.time.LocalDate originalsKeptUntil) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    StudyRepository studies;

    @Inject
    TranscriptEvents events;


    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Register or change a study and its phases", description = "201 when registered, 200 when changed or unchanged.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Study.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Study.class)))
    public Response putStudy(@PathParam("code") @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be a short code such as 'UPSIDES'") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Replace only the representation with this ETag") String ifMatch, @NotNull @Valid StudyData data, @Context UriInfo uri) {
        if (new HashSet<>(data.phases()).size() != data.phases().size()) {
            throw ProblemException.invalid("/phases", "Each phase may appear once");
        }
        Versions.requireRepresentation(ifMatch, json, () -> getStudy(code));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Study wanted = new Study(code, data.title(), List.copyOf(data.phases()),
                data.withdrawal() == null ? Study.Withdrawal.REDACT : data.withdrawal(), data.originalsKeptUntil(), null, 0, null, null);
        var result = studies.documents().upsert(code, () -> wanted.stamped(1, now, now),
                current -> {
                    Study kept = wanted.erased(current.originalsErased(), 0, null); // the service's report stays
                    return current.sameData(kept) ? null : kept.stamped(current.version() + 1, current.createdAt(), now);
                },
                Study::version, study -> List.of(events.studyRecorded(study)), Versions.stillNamed(ifMatch, json));
        return result.created() ? Response.created(uri.getAbsolutePath()).entity(result.record()).build()
                : Response.ok(result.record()).build();
    }

    @Inject
    io.chorus.transcript.study.service.OriginalsRetention retention;

    @POST
    @Path("/{code}/originals-erasure")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Erase the study's non-English originals now that its retention ended",
            description = "What the hourly check does the day after originalsKeptUntil: every non-English original of the study's "
                    + "transcripts (and kept versions) becomes '[original erased]', the data keys that sealed them in events are "
                    + "destroyed, and coding-service and reporting-service drop their copies. English originals stay. 409 before "
                    + "the end date or without one; repeating it erases what came since and returns the study with its report.")
    @APIResponse(responseCode = "200", description = "The study with originalsErased, the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Study.class)))
    public Study eraseStudyOriginals(@PathParam("code") String code) {
        return retention.eraseNow(code, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @GET
    @Authenticated
    @Operation(summary = "The consortium's studies")
    public List<Study> listStudies() {
        return studies.all();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    public Study getStudy(@PathParam("code") String code) {
        return studies.find(code).orElseThrow(() -> ProblemException.notFound("Study '" + code + "'"));
    }
}
