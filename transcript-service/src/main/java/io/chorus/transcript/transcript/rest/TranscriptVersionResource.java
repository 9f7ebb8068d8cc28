package io.chorus.transcript.transcript.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptVersions;
import io.chorus.transcript.transcript.service.TranscriptService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Revisions of released transcripts, their versions and the per-paragraph diff between two versions. */
@Path("/api/sites/{site}/transcripts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcript versions")
@PersonalData
public class TranscriptVersionResource {

    public record VersionSummary(int version, Instant at, boolean current) {
    }

    public record ParagraphText(String text, String english) {
    }

    public record ParagraphChange(int n, String label, ParagraphText before, ParagraphText after) {
    }

    public record Diff(int from, int to, List<ParagraphChange> changes) {
    }

    @Inject
    TranscriptService service;

    @Inject
    TranscriptVersions versions;

    @Inject
    Caller caller;

    @Inject
    MemberViews views;

    @POST
    @Path("/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Revise a released transcript as a new version",
            description = "Replaces the given paragraphs (original and/or English), keeps the released version, and "
                    + "publishes io.chorus.transcript.revised.v1 with the changed paragraphs.")
    public TranscriptView reviseTranscript(@PathParam("site") String site, @PathParam("id") String id,
            @NotNull @Valid WorkflowRequests.Revision revision) {
        caller.requireReadAccess(site, "Transcript '" + id + "'");
        caller.requireAt(site, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        return views.withOriginal(service.revise(site, id, revision.paragraphs().stream()
                .map(p -> new TranscriptService.RevisedParagraph(p.n(), p.text(), p.english())).toList(),
                revision.reason(), caller.username()));
    }

    public record WithdrawalReason(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String reason) {
    }

    @POST
    @Path("/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SITE_LEAD})
    @Operation(summary = "Withdraw a whole transcript from the study",
            description = "Drops its words and kept versions; publishes io.chorus.transcript.withdrawn.v1 so coding and "
                    + "reporting purge what they derived.")
    public TranscriptView withdrawTranscript(@PathParam("site") String site, @PathParam("id") String id, @NotNull @Valid WithdrawalReason withdrawal) {
        caller.requireReadAccess(site, "Transcript '" + id + "'");
        caller.requireAt(site, Roles.SITE_LEAD);
        return views.withOriginal(service.withdraw(site, id, withdrawal.reason(), caller.username()));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "The released versions of a transcript, oldest first; the last is the current one")
    public List<VersionSummary> listTranscriptVersions(@PathParam("site") String site, @PathParam("id") String id) {
        Transcript current = released(site, id);
        List<VersionSummary> all = new ArrayList<>(versions.list(id).stream()
                .map(v -> new VersionSummary(v.version(), v.at(), false)).toList());
        all.add(new VersionSummary(current.version(), current.updatedAt(), true));
        return all;
    }

    @GET
    @Path("/diff")
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "What changed, paragraph by paragraph, between two versions (to defaults to the current one)",
            description = "Readers outside the site see the English text only.")
    public Diff diffTranscriptVersions(@PathParam("site") String site, @PathParam("id") String id,
            @QueryParam("from") @NotNull @Min(1) Integer from, @QueryParam("to") @Min(1) Integer to) {
        Transcript current = released(site, id);
        List<Transcript.Paragraph> before = paragraphsOf(current, from, "/from");
        int target = to == null ? current.version() : to;
        List<Transcript.Paragraph> after = paragraphsOf(current, target, "/to");
        boolean original = caller.isMemberOf(site);
        if (original) {
            views.read(current);
        }
        java.util.Map<Integer, Transcript.Paragraph> was = new java.util.TreeMap<>();
        before.forEach(p -> was.put(p.n(), p));
        java.util.Map<Integer, Transcript.Paragraph> is = new java.util.TreeMap<>();
        after.forEach(p -> is.put(p.n(), p));
        java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>(was.keySet());
        numbers.addAll(is.keySet());
        List<ParagraphChange> changes = new ArrayList<>();
        for (int n : numbers) {
            Transcript.Paragraph a = was.get(n);
            Transcript.Paragraph b = is.get(n);
            if (!java.util.Objects.equals(a, b)) {
                changes.add(new ParagraphChange(n, site + " " + n, text(a, original), text(b, original)));
            }
        }
        return new Diff(from, target, changes);
    }

    /** null when the paragraph does not exist in that version (removed after a withdrawal). */
    private static ParagraphText text(Transcript.Paragraph p, boolean original) {
        return p == null ? null : new ParagraphText(original ? p.text() : null, p.english());
    }

    private Transcript released(String site, String id) {
        caller.requireReadAccess(site, "Transcript '" + id + "'", Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR, Roles.ANALYST, Roles.CONSORTIUM_ADMIN);
        Transcript current = service.get(site, id);
        if (current.status() != Transcript.Status.RELEASED) {
            throw ProblemException.notFound("Released transcript '" + id + "'");
        }
        return current;
    }

    private List<Transcript.Paragraph> paragraphsOf(Transcript current, int version, String pointer) {
        if (version == current.version()) {
            return current.paragraphs();
        }
        return versions.find(current.id(), version).map(TranscriptVersions.Version::paragraphs)
                .orElseThrow(() -> ProblemException.invalid(pointer, "No released version " + version + " of this transcript"));
    }
}
