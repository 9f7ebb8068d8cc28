package io.chorus.identity.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.problem.Problem;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.common.tables.CsvTables;
import io.chorus.common.tables.TableWriters;
import io.chorus.identity.repository.AccessChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit/access-changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed(Roles.CONSORTIUM_ADMIN)
@PersonalData
public class AuditResource {

    /** The most rows one CSV export holds; narrow the filters for more. */
    static final int EXPORT_LIMIT = 50_000;

    @Schema(name = "AccessChange")
    public record Entry(long id, Instant at, String actor, String action, String site, String target, String detail) {
    }

    /** Which access changes: by site, by the person who made them, and in a time window (from inclusive, to exclusive). */
    public static class Filters {
        @QueryParam("site") @Parameter(description = "Only changes at this site")
        String site;
        @QueryParam("actor") @Parameter(description = "Only changes made by this person (username)")
        String actor;
        @QueryParam("from") @Parameter(description = "Only changes at or after this time (ISO-8601)")
        Instant from;
        @QueryParam("to") @Parameter(description = "Only changes before this time (ISO-8601)")
        Instant to;

        PanacheQuery<AccessChange> query() {
            List<String> where = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            add(where, values, "site", "site = :site", blankToNull(site));
            add(where, values, "actor", "actor = :actor", blankToNull(actor));
            add(where, values, "from", "at >= :from", from);
            add(where, values, "to", "at < :to", to);
            Sort order = Sort.by("id").descending();
            return where.isEmpty() ? AccessChange.findAll(order) : AccessChange.find(String.join(" and ", where), order, values);
        }

        private static void add(List<String> where, Map<String, Object> values, String name, String clause, Object value) {
            if (value != null) {
                where.add(clause);
                values.put(name, value);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    @GET
    @Operation(summary = "Every access change (who, what, when, for which site), newest first; append-only",
            description = "Filter by site, by the person who made the change, and by time.")
    public Page<Entry> listAccessChanges(@BeanParam Filters filters, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        PanacheQuery<AccessChange> query = filters.query();
        return new Page<>(query.page(page, size).list().stream().map(AuditResource::entry).toList(), page, size, query.count());
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "The access changes the same filters find, newest first, as one CSV file (at most 50,000 rows)",
            description = "For an auditor's spreadsheet. When more changes match, the file's last line says so: narrow the filters.")
    @APIResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportAccessChanges(@BeanParam Filters filters) {
        PanacheQuery<AccessChange> query = filters.query();
        List<AccessChange> rows = query.range(0, EXPORT_LIMIT).list();
        long total = query.count();
        List<TableWriters.Column> columns = List.of(new TableWriters.Column("at", "At (UTC)"), new TableWriters.Column("actor", "Actor"),
                new TableWriters.Column("action", "Action"), new TableWriters.Column("site", "Site"),
                new TableWriters.Column("target", "Target"), new TableWriters.Column("detail", "Detail"));
        List<Map<String, Object>> cells = rows.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", c.at.toString());
            row.put("actor", c.actor);
            row.put("action", c.action);
            row.put("site", c.site);
            row.put("target", c.target);
            row.put("detail", c.detail);
            return row;
        }).toList();
        List<String> notes = total > rows.size()
                ? List.of(rows.size() + " of " + total + " matching changes; narrow the filters for the rest") : List.of();
        return CsvTables.download(new TableWriters.Table("access-changes", "Access changes", columns, cells, notes));
    }

    private static Entry entry(AccessChange c) {
        return new Entry(c.id, c.at, c.actor, c.action, c.site, c.target, c.detail);
    }
}
