package io.chorus.reporting.rest;

import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.reporting.report.ReportTable;
import io.chorus.reporting.service.ProgressReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reports/progress")
@Tag(name = "Reports")
public class ProgressResource {

    @Inject
    ProgressReadModel readModel;

    @Inject
    Caller caller;

    @Inject
    io.chorus.reporting.report.SiteReports sites;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR})
    @Produces({MediaType.APPLICATION_JSON, "text/csv", ReportResource.XLSX, "image/svg+xml", "image/png", "application/pdf"})
    @Operation(summary = "Progress per site: uploaded, back-checked, translated, reviewed, released, coded, double-coded, "
            + "and mean agreement of the double-coded transcripts",
            description = "Analysts and consortium admins see every site; site staff see their own sites' rows.")
    @APIResponseSchema(value = ReportTable.class, responseCode = "200", responseDescription = "The report as JSON, CSV or XLSX, or its figure as SVG, PNG or PDF (?format=)")
    public Response getProgressReport(@QueryParam("format") @DefaultValue("json") @Pattern(regexp = ReportResource.FORMATS) String format,
            @QueryParam("bom") @DefaultValue("false") boolean bom,
            @QueryParam("study") @Size(max = 100) @Parameter(description = "Only the transcripts whose session belongs to this study")
            String study) {
        if (study != null) {
            sites.requireKnown(new io.chorus.reporting.report.ReportFilter(study, null, null, null, null, null, null, null));
        }
        ReportTable.Builder table = ReportTable.builder("progress", "Progress per site", Map.of())
                .column("site", "Site").column("uploaded", "Uploaded").column("backChecked", "Back-checked")
                .column("translated", "Translated").column("reviewed", "Reviewed").column("released", "Released")
                .column("coded", "Coded").column("doubleCoded", "Double-coded").column("agreementMeasured", "Agreement measured")
                .column("meanPercentAgreement", "Mean percent agreement").column("meanKappa", "Mean kappa")
                .column("meanAlpha", "Mean Krippendorff's alpha");
        for (ProgressReadModel.SiteProgress p : readModel.progress(caller.seesAllSites() || caller.holdsConsortiumWide(Roles.TRANSLATOR) ? null
                : caller.sitesWhere(Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR), study)) {
            Map<String, Object> row = table.row();
            row.put("site", p.site());
            row.put("uploaded", p.uploaded());
            row.put("backChecked", p.backChecked());
            row.put("translated", p.translated());
            row.put("reviewed", p.reviewed());
            row.put("released", p.released());
            row.put("coded", p.coded());
            row.put("doubleCoded", p.doubleCoded());
            row.put("agreementMeasured", p.agreementMeasured());
            row.put("meanPercentAgreement", p.meanPercentAgreement());
            row.put("meanKappa", p.meanKappa());
            row.put("meanAlpha", p.meanAlpha());
        }
        return ReportResource.render(table.chart("site", List.of("uploaded", "released", "coded", "doubleCoded"),
                "Transcripts per site and stage").build(), format, bom);
    }
}
