package io.chorus.reporting.rest;


import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.reporting.report.CodeReports;
import io.chorus.reporting.report.ReportFilter;
import io.chorus.reporting.report.ReportCharts;
import io.chorus.reporting.report.ReportTable;
import io.chorus.reporting.report.SiteReports;
import io.chorus.common.tables.TableWriters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tables and figures of a multi-site paper. Every report answers as JSON (default), CSV, XLSX or
 * its figure: ?format=json|csv|xlsx|svg|png|pdf. Site staff see their own sites' rows and quotes, and
 * cross-site aggregates; analysts and consortium admins see every site; partner systems see nothing.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FORMATS = "json|csv|xlsx|svg|png|pdf";

    /** The filters every report accepts. */
    public static class Filters {
        @QueryParam("study")
        @Parameter(description = "A study with recorded sessions (or an assigned codebook); an unknown one is a 422")
        public String study;
        @QueryParam("phase")
        @Parameter(description = "A phase with recorded sessions; a code report of one phase counts the codes of the codebook "
                + "assigned to that phase unless codebook is given (the answer's filters name it)")
        public String phase;
        @QueryParam("site")
        public String site;
        @QueryParam("income")
        @Pattern(regexp = "HIC|UMIC|LMIC|LIC")
        public String income;
        @QueryParam("role")
        public String role;
        @QueryParam("codebook")
        @Parameter(description = "A published codebook's id; an unknown one is a 422")
        @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", message = "must be a codebook id (a UUID)")
        public String codebook;
        @QueryParam("codebookVersion")
        @Min(1)
        public Integer codebookVersion;
        @QueryParam("format")
        @DefaultValue("json")
        @Pattern(regexp = FORMATS)
        public String format;
        /** CSV only: start with a UTF-8 byte-order mark, so spreadsheet programs read the file as UTF-8. */
        @QueryParam("bom")
        @DefaultValue("false")
        public boolean bom;
    }

    @Inject
    CodeReports codes;

    @Inject
    SiteReports sites;

    @Inject
    Caller caller;

    @GET
    @Path("/code-frequency")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Codes (any level, rolled up) by site, phase, income, role or study: coded passages, documents, "
            + "share of documents coded (strength of theme), number of sites")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getCodeFrequencyReport(@Valid @BeanParam Filters filters,
            @QueryParam("by") @DefaultValue("site") @Pattern(regexp = "site|phase|income|role|study") String by,
            @QueryParam("level") @Min(1) Integer level,
            @QueryParam("sort") @DefaultValue("tree") @Pattern(regexp = "tree|share", message = "must be tree or share") String sort) {
        return render(codes.frequency(codeFilter(filters), by, level, sort), filters);
    }

    @GET
    @Path("/facilitators-barriers")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Facilitators and barriers per code or CFIR construct, by site or income level")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getFacilitatorsBarriersReport(@Valid @BeanParam Filters filters,
            @QueryParam("by") @DefaultValue("site") @Pattern(regexp = "site|phase|income|role|study") String by,
            @QueryParam("level") @Min(1) Integer level) {
        return render(codes.valence(codeFilter(filters), by, level), filters);
    }

    @GET
    @Path("/pre-post")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Pre- versus post-intervention share of documents per code and site")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getPrePostReport(@Valid @BeanParam Filters filters, @QueryParam("pre") @DefaultValue("pre-intervention") String pre,
            @QueryParam("post") @DefaultValue("post-intervention") String post, @QueryParam("level") @Min(1) Integer level) {
        return render(codes.prePost(codeFilter(filters), pre, post, level), filters);
    }

    @GET
    @Path("/co-occurrence")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @Operation(summary = "Pairs of codes applied to overlapping passages")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getCoOccurrenceReport(@Valid @BeanParam Filters filters) {
        return render(codes.cooccurrence(codeFilter(filters)), filters);
    }

    @GET
    @Path("/cfir-ratings")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @Operation(summary = "CFIR rating matrix: construct by site (-2..+2, X, missing)")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getCfirRatingsReport(@Valid @BeanParam Filters filters) {
        return render(codes.cfirRatings(codeFilter(filters)), filters);
    }

    @GET
    @Path("/participants")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Participant characteristics per site and phase")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getParticipantsReport(@Valid @BeanParam Filters filters) {
        return render(sites.participants(filter(filters)), filters);
    }

    @GET
    @Path("/participants-by-site")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "A paper's participant table in one call: sites (by name) as rows, focus groups, interviews, N, one column "
            + "per role and per gender, and a totals row; missing data shows as not stated",
            description = "order=BU,DS,... puts those sites first in that order; the rest follow by name.")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getParticipantsBySiteReport(@Valid @BeanParam Filters filters,
            @QueryParam("order") @Pattern(regexp = "[A-Z]{2,5}(,[A-Z]{2,5})*", message = "must be site codes separated by commas")
            String order) {
        return render(sites.participantsBySite(filter(filters), order == null ? List.of() : List.of(order.split(","))), filters);
    }

    @GET
    @Path("/participants-by-role")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Participants by role and gender")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getParticipantsByRoleReport(@Valid @BeanParam Filters filters) {
        return render(sites.rolesByGender(filter(filters)), filters);
    }

    @GET
    @Path("/quotes")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @Operation(summary = "Quotes for a code with their labels; the original language only for members of the quote's site")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    @PersonalData
    public Response getQuotesReport(@Valid @BeanParam Filters filters, @QueryParam("code") String code,
            @QueryParam("valence") @Pattern(regexp = "facilitator|barrier|mixed|neutral") String valence) {
        return render(sites.quotes(filter(filters), code, valence, new SiteReports.Reader(caller.username(), caller.subject(),
                caller.sitesWhere(Roles.SITE_LEAD, Roles.SITE_RESEARCHER))), filters);
    }

    @GET
    @Path("/implementation-measure")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Implementation measure: per site sum (0-24) and item scores, mean item scores per group of sites")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getImplementationMeasureReport(@Valid @BeanParam Filters filters,
            @QueryParam("groupBy") @DefaultValue("income") @Pattern(regexp = "income|priorPeerSupport") String groupBy) {
        return render(sites.measure(filter(filters), groupBy), filters);
    }

    /** Site staff see their own sites; a filter naming another site is refused rather than answered with its figures. */
    ReportFilter filter(Filters f) {
        Set<String> visible = caller.seesAllSites() ? null : caller.sitesWhere(Roles.SITE_LEAD, Roles.SITE_RESEARCHER);
        caller.requireSiteFilter(f.site, Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER);
        ReportFilter filter = new ReportFilter(f.study, f.phase, f.site, f.income, f.role,
                f.codebook == null ? null : f.codebook.toLowerCase(), f.codebookVersion, visible);
        sites.requireKnown(filter);
        return filter;
    }

    /** The filter of a code report: a phase's report counts its assigned codebook's codes unless a codebook is named. */
    ReportFilter codeFilter(Filters f) {
        return codes.scopedToPhaseCodebook(filter(f));
    }

    private static Response figure(ReportTable table, String format) {
        return switch (format) {
            case "png" -> Response.ok(ReportCharts.png(table), "image/png").build();
            case "pdf" -> Response.ok(ReportCharts.pdf(table), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + table.report() + ".pdf\"").build();
            default -> Response.ok(ReportCharts.svg(table), "image/svg+xml").build();
        };
    }

    static Response render(ReportTable table, Filters filters) {
        return render(table, filters.format, filters.bom);
    }

    static Response render(ReportTable table, String format, boolean bom) {
        return switch (format) {
            case "csv" -> Response.ok(((bom ? "\uFEFF" : "") + TableWriters.csv(table.table())).getBytes(StandardCharsets.UTF_8),
                            "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + table.report() + ".csv\"").build();
            case "xlsx" -> Response.ok(TableWriters.xlsx(table.table()), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + table.report() + ".xlsx\"").build();
            case "svg", "png", "pdf" -> table.chart() == null
                    ? Response.status(406).entity("{\"title\":\"Not Acceptable\",\"status\":406,\"detail\":\"This report has no chart\"}")
                            .type("application/problem+json").build()
                    : figure(table, format);
            default -> Response.ok(table, MediaType.APPLICATION_JSON).build();
        };
    }
}
