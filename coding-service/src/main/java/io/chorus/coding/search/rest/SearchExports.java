package io.chorus.coding.search.rest;

import io.chorus.coding.search.service.SearchQuery;
import io.chorus.coding.search.service.SearchService;
import io.chorus.coding.search.service.SearchViews.Filter;
import io.chorus.coding.search.service.SearchViews.SearchHit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.tables.TableWriters;
import io.chorus.common.tables.TableWriters.Column;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A search's hits as a keyword-in-context table, CSV or XLSX. */
@ApplicationScoped
public class SearchExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_HITS = 5_000;
    private static final List<Column> COLUMNS = List.of(new Column("label", "Paragraph"), new Column("site", "Site"),
            new Column("externalId", "Transcript"), new Column("study", "Study"), new Column("phase", "Phase"),
            new Column("speaker", "Speaker"), new Column("speakerRole", "Speaker role"), new Column("before", "Before"),
            new Column("match", "Match"), new Column("after", "After"), new Column("score", "Score"));

    @Inject
    SearchService search;

    Response export(String q, Filter filter, String format) {
        SearchQuery query = SearchQuery.parse(q);
        Page<SearchHit> hits = search.all(query, filter, MAX_HITS);
        if (hits.total() > MAX_HITS) {
            throw ProblemException.invalid("/q", "The search matches " + hits.total() + " paragraphs; export at most " + MAX_HITS
                    + " at once (narrow it with a filter)");
        }
        List<Map<String, Object>> rows = hits.items().stream().map(SearchExports::row).toList();
        TableWriters.Table table = new TableWriters.Table("search", "Search: " + query.text(), COLUMNS, rows,
                List.of(hits.total() + " paragraphs in " + filter.text() + " text, best first"));
        return "xlsx".equals(format)
                ? Response.ok(TableWriters.xlsx(table), XLSX).header("Content-Disposition", "attachment; filename=\"search.xlsx\"").build()
                : Response.ok(TableWriters.csv(table).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"search.csv\"").build();
    }

    private static Map<String, Object> row(SearchHit hit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", hit.label());
        row.put("site", hit.site());
        row.put("externalId", hit.externalId());
        row.put("study", hit.study());
        row.put("phase", hit.phase());
        row.put("speaker", hit.speaker());
        row.put("speakerRole", hit.speakerRole());
        row.put("before", hit.before());
        row.put("match", hit.match());
        row.put("after", hit.after());
        row.put("score", hit.score());
        return row;
    }
}
