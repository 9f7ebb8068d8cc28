package io.chorus.coding.transcript.rest;

import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.common.security.Caller;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.transcript.repository.CodingSession;
import io.chorus.coding.codebook.repository.PhaseCodebook;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/transcripts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Released transcripts")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class TranscriptResource {

    @Schema(name = "ReleasedTranscriptSummary")
    public record Summary(String id, String site, String externalId, String language, int version, Instant releasedAt,
            @Schema(description = "The study of its session; null until announced") String study,
            @Schema(description = "The study phase of its session; null until announced") String phase) {
        static Summary of(ReleasedTranscript t) {
            CodingSession session = t.session == null ? null : CodingSession.findById(new CodingSession.Key(t.site, t.session));
            return new Summary(t.id, t.site, t.externalId, t.language, t.version, t.releasedAt, session == null ? null : session.study,
                    session == null ? null : session.phase);
        }
    }

    @Schema(name = "ReleasedTranscript")
    public record Detail(String id, String site, String externalId, String language, int version, Instant releasedAt,
            @Schema(description = "The study of its session; null until transcript-service announced the session") String study,
            @Schema(description = "The study phase of its session; null until announced") String phase,
            @Schema(description = "The codebook of its study phase, whose codes codings here take; null while the phase has none")
            UUID codebookId,
            List<ReleasedTranscript.Paragraph> paragraphs) {
    }

    @Inject
    Caller caller;

    @Inject
    CodingService codings;

    @GET
    @Operation(summary = "Released transcripts available for coding",
            description = "Analysts and consortium admins see every site; site staff see their own sites. Every filter narrows "
                    + "the list: study and phase are those of the transcript's session, coded=true keeps transcripts with at least "
                    + "one coding, coded=false those with none.")
    public Page<Summary> listReleasedTranscripts(@QueryParam("site") String site,
            @QueryParam("study") @Size(max = 64) String study, @QueryParam("phase") @Size(max = 64) String phase,
            @QueryParam("language") @Size(max = 16) String language, @QueryParam("coded") Boolean coded,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        caller.requireSiteFilter(site, CodingStaff.ANYWHERE);
        StringBuilder where = new StringBuilder("from ReleasedTranscript t where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (site != null) {
            where.append(" and t.site = :site");
            parameters.put("site", site);
        } else if (!caller.seesAllSites()) {
            where.append(" and t.site in :sites");
            parameters.put("sites", caller.sitesWhere(CodingStaff.AT_SITE));
        }
        if (language != null) {
            where.append(" and t.language = :language");
            parameters.put("language", language);
        }
        if (study != null || phase != null) {
            where.append(" and exists (from CodingSession s where s.key.site = t.site and s.key.externalId = t.session")
                    .append(study != null ? " and s.study = :study" : "").append(phase != null ? " and s.phase = :phase" : "").append(")");
            if (study != null) {
                parameters.put("study", study);
            }
            if (phase != null) {
                parameters.put("phase", phase);
            }
        }
        if (coded != null) {
            // a coding hidden in an open blind round does not make the transcript coded for someone who may not see it
            where.append(coded ? " and" : " and not").append(" exists (from Coding c where c.transcriptId = t.id")
                    .append(codings.visibleCodings("c", parameters)).append(")");
        }
        PanacheQuery<ReleasedTranscript> query = ReleasedTranscript.find(where.toString(), Sort.by("t.releasedAt").and("t.id"), parameters);
        return new Page<>(query.page(page, size).list().stream().map(Summary::of).toList(), page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One released transcript with its labelled paragraphs, in English",
            description = "coding-service holds the English text only; the original language is read from transcript-service "
                    + "by members of the transcript's site, where every read is audited.")
    public Detail getReleasedTranscript(@PathParam("id") String id) {
        ReleasedTranscript t = ReleasedTranscript.<ReleasedTranscript>findByIdOptional(id)
                .filter(found -> caller.holds(found.site, CodingStaff.ANYWHERE))
                .orElseThrow(() -> ProblemException.notFound("Transcript '" + id + "'"));
        CodingSession session = t.session == null ? null : CodingSession.findById(new CodingSession.Key(t.site, t.session));
        PhaseCodebook phase = session == null || session.study == null || session.phase == null ? null
                : PhaseCodebook.findById(new PhaseCodebook.Key(session.study, session.phase));
        return new Detail(t.id, t.site, t.externalId, t.language, t.version, t.releasedAt, session == null ? null : session.study,
                session == null ? null : session.phase, phase == null ? null : phase.codebookId, List.copyOf(t.paragraphs));
    }
}
