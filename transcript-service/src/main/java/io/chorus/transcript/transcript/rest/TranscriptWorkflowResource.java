package io.chorus.transcript.transcript.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.transcript.transcript.service.Pseudonymiser;
import io.chorus.transcript.transcript.service.TranscriptService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The way to release: back-check by the site, translation, two reviews by people other than the
 * translator, site-check queries answered, release by the site lead. Every step is recorded in the
 * transcript's history with who and when.
 */
@Path("/api/sites/{site}/transcripts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcript workflow")
@PersonalData
public class TranscriptWorkflowResource {

    @Inject
    TranscriptService service;

    @Inject
    Caller caller;

    @Inject
    MemberViews views;

    /** Another site's transcript is 404; a step needs one of its roles at the transcript's own site (403). */
    private void requireAt(String site, String id, String... roles) {
        caller.requireReadAccess(site, "Transcript '" + id + "'");
        caller.requireAt(site, roles);
    }

    @POST
    @Path("/back-check")
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Confirm the verbatim transcript against the recording",
            description = "uploaded → back-checked; an English original goes on to translated.")
    public TranscriptView backCheckTranscript(@PathParam("site") String site, @PathParam("id") String id) {
        requireAt(site, id, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        return views.withOriginal(service.backCheck(site, id, caller.username()));
    }

    @PUT
    @Path("/translation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRANSLATOR, Roles.PARTNER_SYSTEM})
    @Operation(summary = "Submit the English translation, aligned to the original paragraph numbers",
            description = "back-checked → translated. A new translation replaces the old one and needs two new reviews.")
    public TranscriptView translateTranscript(@PathParam("site") String site, @PathParam("id") String id,
            @NotNull @Valid WorkflowRequests.Translation translation) {
        requireAt(site, id, Roles.TRANSLATOR, Roles.PARTNER_SYSTEM);
        return views.withOriginal(service.translate(site, id, translation.paragraphs().stream()
                .map(p -> new TranscriptService.TranslatedParagraph(p.n(), p.english())).toList(), caller.username()));
    }

    @POST
    @Path("/reviews")
    @RolesAllowed({Roles.TRANSLATOR})
    @Operation(summary = "Approve the translation as a reviewer",
            description = "Two different reviewers, neither the translator, make it reviewed.")
    public TranscriptView reviewTranscript(@PathParam("site") String site, @PathParam("id") String id) {
        requireAt(site, id, Roles.TRANSLATOR);
        return views.withOriginal(service.review(site, id, caller.username()));
    }

    @POST
    @Path("/queries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRANSLATOR})
    @Operation(summary = "Raise a site-check query on a paragraph; open queries block the release")
    public TranscriptView raiseTranscriptQuery(@PathParam("site") String site, @PathParam("id") String id,
            @NotNull @Valid WorkflowRequests.QueryRaise query) {
        requireAt(site, id, Roles.TRANSLATOR);
        return views.withOriginal(service.raiseQuery(site, id, query.paragraph(), query.question(), caller.username()));
    }

    @POST
    @Path("/queries/{queryId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Answer a site-check query")
    public TranscriptView answerTranscriptQuery(@PathParam("site") String site, @PathParam("id") String id,
            @PathParam("queryId") String queryId, @NotNull @Valid WorkflowRequests.QueryAnswer answer) {
        requireAt(site, id, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        return views.withOriginal(service.answerQuery(site, id, queryId, answer.answer(), caller.username()));
    }

    @POST
    @Path("/release")
    @RolesAllowed({Roles.SITE_LEAD})
    @Operation(summary = "Release a reviewed transcript for analysis",
            description = "Needs two reviews and no open site-check query. Publishes io.chorus.transcript.released.v1.")
    public TranscriptView releaseTranscript(@PathParam("site") String site, @PathParam("id") String id) {
        requireAt(site, id, Roles.SITE_LEAD);
        return views.withOriginal(service.release(site, id, caller.username()));
    }

    public record NameCandidate(int n, String label, String token) {
    }

    @GET
    @Path("/name-candidates")
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR})
    @Operation(summary = "Capitalised words that may still be names, for a person to check before release")
    public List<NameCandidate> listNameCandidates(@PathParam("site") String site, @PathParam("id") String id) {
        requireAt(site, id, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR);
        return nameCandidates(views.read(service.get(site, id)));
    }

    static List<NameCandidate> nameCandidates(io.chorus.transcript.transcript.repository.Transcript transcript) {
        return transcript.paragraphs().stream()
                .flatMap(p -> Pseudonymiser.nameCandidates(p.text()).stream()
                        .map(token -> new NameCandidate(p.n(), transcript.site() + " " + p.n(), token)))
                .toList();
    }
}
