package io.chorus.transcript.transcript.rest;

import io.chorus.common.problem.Problem;
import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.transcript.service.TranscriptService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import io.chorus.transcript.transcript.service.QuoteLabels;
import io.chorus.transcript.transcript.service.TurnParser;
import io.chorus.transcript.transcript.service.UploadedDocument;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/transcripts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts")
@PersonalData
public class TranscriptResource {

    @Inject
    TranscriptService service;

    @Inject
    TranscriptRepository repository;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    MemberViews views;

    @Inject
    QuoteLabels labels;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Push a verbatim transcript for your site",
            description = "Idempotent by (site, externalId): 201 when created, 200 with the stored transcript on a repeat.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptView.class)))
    public Response pushTranscript(@PathParam("site") String site, @NotNull @Valid TranscriptPush push, @Context UriInfo uri) {
        return pushed(site, push, uri.getAbsolutePath());
    }

    private Response pushed(String site, TranscriptPush push, URI collection) {
        caller.requireAt(site, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        TranscriptService.PushResult result = service.push(site, push, caller.username());
        // the answer echoes what the caller just sent (pseudonymised): not a read of stored text, so not audited
        TranscriptView view = TranscriptView.of(result.transcript());
        if (result.created()) {
            return Response.created(UriBuilder.fromUri(collection).path(view.id()).build()).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("/documents")
    @Consumes({MediaType.TEXT_PLAIN, UploadedDocument.DOCX})
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptView.class)))
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Push a transcript as plain text or .docx, one speaker turn per line ('M: ...', 'P3: ...')",
            description = "Each turn becomes a numbered paragraph; lines without a speaker continue the turn above. "
                    + "Same idempotency as the JSON push. Use the JSON push to have identifiers replaced at ingest.")
    public Response pushTranscriptDocument(@PathParam("site") String site, @QueryParam("externalId") String externalId,
            @QueryParam("language") String language, @QueryParam("title") String title, @QueryParam("session") String session,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType, byte[] body, @Context UriInfo uri) {
        caller.requireAt(site, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        if (contentType == null) {
            throw new ProblemException(415, "Unsupported Media Type", "Send the transcript as text/plain or as .docx ("
                    + UploadedDocument.DOCX + ")", List.of(Problem.FieldError.parameter("Content-Type", "required")));
        }
        List<String> lines = contentType.startsWith(UploadedDocument.DOCX)
                ? UploadedDocument.docxLines(body) : UploadedDocument.textLines(body);
        TranscriptPush push = new TranscriptPush(externalId, language, title, TurnParser.parse(lines), session, null, null);
        var violations = validator.validate(push);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return pushed(site, push, uri.getBaseUriBuilder().path("api/sites/{site}/transcripts").build(site));
    }

    @GET
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST,
            Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "List a site's transcripts, oldest first, at one stage or of one session if asked",
            description = "Site members see all of their site's transcripts; analysts and consortium admins the released ones.")
    public Page<TranscriptSummary> listTranscripts(@PathParam("site") String site,
            @QueryParam("stage") @Parameter(description = "Only transcripts at this stage of the workflow") Stage stage,
            @QueryParam("session") @Parameter(description = "Only transcripts of this session (its external id)") String session,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        boolean releasedOnly = readerOfSite(site);
        Transcript.Status status = stage == null ? null : stage.status();
        String sessionId = session == null || session.isBlank() ? null : session.trim();
        return new Page<>(repository.listBySite(site, releasedOnly, status, sessionId, page, size).stream().map(TranscriptSummary::of).toList(),
                page, size, repository.countBySite(site, releasedOnly, status, sessionId));
    }

    /** A stage of the workflow as the listing names it. */
    public enum Stage {
        @JsonProperty("uploaded") UPLOADED, @JsonProperty("back-checked") BACK_CHECKED, @JsonProperty("translated") TRANSLATED,
        @JsonProperty("reviewed") REVIEWED, @JsonProperty("released") RELEASED, @JsonProperty("withdrawn") WITHDRAWN;

        Transcript.Status status() {
            return Transcript.Status.valueOf(name());
        }

        /** The wire name, as a query parameter is given: {@code back-checked}. */
        public static Stage fromString(String wire) {
            for (Stage stage : values()) {
                if (stage.toString().equals(wire)) {
                    return stage;
                }
            }
            throw new IllegalArgumentException("unknown stage '" + wire + "'");
        }

        @Override
        public String toString() {
            return status().wireName();
        }
    }

    /** How many of the site's transcripts are at each stage: what an intake screen counts on its tabs. */
    public record StageCounts(String site, long uploaded, long backChecked, long translated, long reviewed, long released,
            long withdrawn, long total) {
    }

    @GET
    @Path("/stages")
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST,
            Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Count a site's transcripts at each stage of the workflow",
            description = "Site members count all of their site's transcripts; analysts and consortium admins the released ones.")
    public StageCounts countTranscriptsByStage(@PathParam("site") String site) {
        var counts = repository.countByStage(site, readerOfSite(site));
        java.util.function.Function<Transcript.Status, Long> at = status -> counts.getOrDefault(status, 0L);
        return new StageCounts(site, at.apply(Transcript.Status.UPLOADED), at.apply(Transcript.Status.BACK_CHECKED),
                at.apply(Transcript.Status.TRANSLATED), at.apply(Transcript.Status.REVIEWED), at.apply(Transcript.Status.RELEASED),
                at.apply(Transcript.Status.WITHDRAWN), counts.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Whether the caller reads the site's released transcripts only (not a member); another site is 404 for site staff. */
    private boolean readerOfSite(String site) {
        caller.requireReadAccess(site, "Site '" + site + "'", Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST, Roles.CONSORTIUM_ADMIN);
        return !caller.isMemberOf(site);
    }

    /** What a push would store, for a person to check before it is stored. */
    public record PushPreview(String title, List<TranscriptView.ParagraphView> paragraphs,
            List<TranscriptWorkflowResource.NameCandidate> nameCandidates) {
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Preview a push: the numbered, pseudonymised paragraphs and the words that may still be names; nothing is stored",
            description = "The same checks as the push, so a preview that passes pushes. Identifiers are replaced as the push "
                    + "replaces them; the name candidates are capitalised words left in the text.")
    public PushPreview previewTranscriptPush(@PathParam("site") String site, @NotNull @Valid TranscriptPush push) {
        caller.requireAt(site, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        Transcript preview = service.preview(site, push, caller.username());
        TranscriptView view = TranscriptView.of(preview);
        return new PushPreview(view.title(), view.paragraphs(), TranscriptWorkflowResource.nameCandidates(preview));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST,
            Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Read one transcript with its numbered paragraphs",
            description = "Site members read the original and the English text; every read of a non-English original is "
                    + "written to the audit log. Analysts and consortium admins of other sites read released transcripts "
                    + "in English only.")
    public TranscriptView getTranscript(@PathParam("site") String site, @PathParam("id") String id) {
        Transcript transcript = readable(site, id, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR,
                Roles.ANALYST, Roles.CONSORTIUM_ADMIN);
        return caller.isMemberOf(site) ? TranscriptView.of(transcript) : TranscriptView.englishOnly(transcript);
    }

    public record Quote(String label, String participantLabel, List<String> speakers, String english, String original,
            String language) {
    }

    @GET
    @Path("/{id}/quote")
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "A quotable passage with its labels: 'BU 44-46' and, for one participant's words, '[#9, Kampala, PSW]'",
            description = "The original text only for members of the site (audited); English for everyone who may read it.")
    public Quote getTranscriptQuote(@PathParam("site") String site, @PathParam("id") String id,
            @QueryParam("from") @NotNull @Min(1) Integer from, @QueryParam("to") @Min(1) Integer to) {
        Transcript transcript = readable(site, id, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST,
                Roles.CONSORTIUM_ADMIN);
        int last = to == null ? from : to;
        List<Transcript.Paragraph> range = transcript.paragraphs().stream().filter(p -> p.n() >= from && p.n() <= last).toList();
        if (last < from || range.isEmpty()) {
            throw ProblemException.invalid("/to", "The transcript has no paragraphs " + QuoteLabels.paragraphLabel(site, from, last));
        }
        boolean member = caller.isMemberOf(site);
        return new Quote(QuoteLabels.paragraphLabel(site, from, last), labels.participantLabel(transcript, range).orElse(null),
                range.stream().map(Transcript.Paragraph::speaker).distinct().toList(),
                join(range.stream().map(Transcript.Paragraph::english).toList()),
                member ? join(range.stream().map(Transcript.Paragraph::text).toList()) : null, transcript.language());
    }

    private static String join(List<String> texts) {
        return texts.contains(null) ? null : String.join("\n", texts);
    }

    /** Site members read everything of their site (reads of non-English originals are audited); others only released ones. */
    private Transcript readable(String site, String id, String... readers) {
        caller.requireReadAccess(site, "Transcript '" + id + "'", readers);
        Transcript transcript = service.get(site, id);
        if (!caller.isMemberOf(site)) {
            if (transcript.status() != Transcript.Status.RELEASED) {
                throw ProblemException.notFound("Transcript '" + id + "'");
            }
            return transcript;
        }
        return views.read(transcript);
    }
}
