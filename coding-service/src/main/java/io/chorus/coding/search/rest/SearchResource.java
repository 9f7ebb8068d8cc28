package io.chorus.coding.search.rest;

import io.chorus.coding.search.service.SearchService;
import io.chorus.coding.search.service.SearchViews.Filter;
import io.chorus.coding.search.service.SearchViews.SearchHit;
import io.chorus.coding.search.service.SearchViews.Text;
import io.chorus.common.http.PersonalData;
import io.chorus.common.problem.Problem;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    SearchExports exports;

    @Inject
    io.chorus.coding.assistant.service.SimilarPassages similar;

    @GET
    @Operation(summary = "Search released transcripts: keyword-in-context hits, highest ranked first",
            description = "English (stemmed) across every transcript you may read; with text=original, the originals of your own "
                    + "sites, stemmed for each transcript's language where PostgreSQL can (else matched word for word). Every "
                    + "search of originals is audited. q takes words (all must occur), \"phrases\", prefixes (peer*), OR, "
                    + "AND, NOT or -word, and parentheses.")
    public Page<SearchHit> searchTranscripts(
            @Parameter(description = "What to search for, such as: \"peer support\" (stigma OR discriminat*) -staff")
            @QueryParam("q") String q,
            @Parameter(description = "english (default) or original") @QueryParam("text") @DefaultValue("english") Text text,
            @QueryParam("site") String site, @QueryParam("study") String study, @QueryParam("phase") String phase,
            @Parameter(description = "The speaker's role, as their questionnaire gives it") @QueryParam("role") String role,
            @Parameter(description = "The speaker code, such as P3") @QueryParam("participant") String participant,
            @Parameter(description = "Only paragraphs within (or, with coded=outside, outside) a passage coded with this code, "
                    + "among the codings you may see") @QueryParam("code") UUID code,
            @QueryParam("coded") @DefaultValue("within") @Pattern(regexp = "within|outside") String coded,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return search.search(q, new Filter(text, site, study, phase, role, participant, code, "within".equals(coded)), page, size);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", SearchExports.XLSX, Problem.MEDIA_TYPE})
    @Operation(summary = "Every hit of a search (at most 5,000) as a CSV or XLSX keyword-in-context table",
            description = "The same parameters as the search; exporting originals is audited like searching them.")
    @APIResponse(responseCode = "200", description = "The table",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = SearchExports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportSearchHits(@QueryParam("q") String q,
            @QueryParam("text") @DefaultValue("english") Text text,
            @QueryParam("site") String site, @QueryParam("study") String study, @QueryParam("phase") String phase,
            @QueryParam("role") String role, @QueryParam("participant") String participant, @QueryParam("code") UUID code,
            @QueryParam("coded") @DefaultValue("within") @Pattern(regexp = "within|outside") String coded,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") @DefaultValue("csv") @Pattern(regexp = "csv|xlsx") String format) {
        return exports.export(q, new Filter(text, site, study, phase, role, participant, code, "within".equals(coded)), format);
    }

    @GET
    @Tag(name = "Assistant")
    @Path("/similar")
    @Operation(summary = "Paragraphs closest in meaning to a free text or to a paragraph, with the search's filters",
            description = "Give text=, or transcript= and paragraph=. English only; exact cosine over every paragraph the filters "
                    + "leave (at most 50,000).")
    public Page<SearchHit> findSimilarPassages(@Parameter(description = "Free text to find passages like") @QueryParam("like") @jakarta.validation.constraints.Size(max = 2000) String like,
            @QueryParam("transcript") String transcript, @QueryParam("paragraph") @Min(1) Integer paragraph,
            @QueryParam("site") String site, @QueryParam("study") String study, @QueryParam("phase") String phase,
            @QueryParam("role") String role, @QueryParam("participant") String participant, @QueryParam("code") UUID code,
            @QueryParam("coded") @DefaultValue("within") @Pattern(regexp = "within|outside") String coded,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return similar.find(like, transcript, paragraph,
                new Filter(Text.english, site, study, phase, role, participant, code, "within".equals(coded)), page, size);
    }
}
