package io.chorus.transcript.audit.rest;

import io.chorus.common.problem.Problem;
import io.chorus.common.tables.CsvTables;
import io.chorus.common.tables.TableWriters;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.chorus.common.http.PersonalData;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.transcript.audit.repository.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@PersonalData
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @jakarta.ws.rs.Path("/data-requests")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Who asked for a participant's data, and who downloaded it, and when (newest first)",
            description = "Kept for good, without content; filter by site.")
    public Page<AuditLog.DataRequestEvent> listDataRequestAudit(@QueryParam("site") String site,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return new Page<>(audit.dataRequests(site, page, size), page, size, audit.countDataRequests(site));
    }

    @GET
    @jakarta.ws.rs.Path("/original-reads")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Who read which original-language transcript, and when (newest first)",
            description = "Filter by site, by the reader's username or Keycloak subject id, and by time.")
    public Page<AuditLog.OriginalRead> listOriginalReads(@BeanParam ReadFilters filters,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AuditLog.ReadFilter filter = filters.filter();
        return new Page<>(audit.find(filter, page, size), page, size, audit.count(filter));
    }

    /** The most rows one CSV export holds; narrow the filters for more. */
    static final int EXPORT_LIMIT = 50_000;

    @GET
    @jakarta.ws.rs.Path("/original-reads/export")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "The original-language reads the same filters find, newest first, as one CSV file (at most 50,000 rows)",
            description = "For an auditor's spreadsheet. When more reads match, the file's last line says so: narrow the filters.")
    @APIResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportOriginalReads(@BeanParam ReadFilters filters) {
        AuditLog.ReadFilter filter = filters.filter();
        List<AuditLog.OriginalRead> reads = audit.find(filter, 0, EXPORT_LIMIT);
        long total = audit.count(filter);
        List<TableWriters.Column> columns = List.of(new TableWriters.Column("at", "At (UTC)"), new TableWriters.Column("username", "Reader"),
                new TableWriters.Column("subject", "Subject"), new TableWriters.Column("site", "Site"),
                new TableWriters.Column("externalId", "Transcript"), new TableWriters.Column("transcriptId", "Transcript id"),
                new TableWriters.Column("language", "Language"));
        List<Map<String, Object>> rows = reads.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", r.at().toString());
            row.put("username", r.username());
            row.put("subject", r.subject());
            row.put("site", r.site());
            row.put("externalId", r.externalId());
            row.put("transcriptId", r.transcriptId());
            row.put("language", r.language());
            return row;
        }).toList();
        List<String> notes = total > reads.size() ? List.of(reads.size() + " of " + total + " matching reads; narrow the filters for the rest")
                : List.of();
        return CsvTables.download(new TableWriters.Table("original-reads", "Original-language reads", columns, rows, notes));
    }

    /** Which reads: by site, by reader, by time. */
    public static class ReadFilters {
        @QueryParam("site") @Parameter(description = "Only reads of this site's transcripts")
        String site;
        @QueryParam("username") @Parameter(description = "Only reads by this person (username)")
        String username;
        @QueryParam("subject") @Parameter(description = "Only reads by this Keycloak subject id")
        String subject;
        @QueryParam("from") @Parameter(description = "Only reads at or after this time (ISO-8601)")
        Instant from;
        @QueryParam("to") @Parameter(description = "Only reads before this time (ISO-8601)")
        Instant to;

        AuditLog.ReadFilter filter() {
            return new AuditLog.ReadFilter(blankToNull(site), blankToNull(username), blankToNull(subject), from, to);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
