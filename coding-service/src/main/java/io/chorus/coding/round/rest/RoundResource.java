package io.chorus.coding.round.rest;

import io.chorus.coding.round.service.RoundViews;

import io.chorus.common.http.PersonalData;
import io.chorus.coding.round.service.RoundViews.ConsensusView;
import io.chorus.coding.round.service.RoundViews.RoundView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.coding.service.CodingCommands.ConsensusSet;
import io.chorus.coding.coding.service.CodingCommands.NewRound;
import io.chorus.coding.round.service.RoundViews.AgreementReport;
import io.chorus.coding.round.service.RoundViews.Comparison;
import io.chorus.coding.round.service.RoundViews.MyAssignment;
import io.chorus.coding.round.service.RoundViews.RoundSummary;
import io.chorus.common.rest.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import io.chorus.coding.round.service.RoundService;
import io.chorus.coding.round.service.VariableAgreements;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Double coding")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class RoundResource {

    @Inject
    RoundService rounds;

    @Inject
    VariableAgreements variables;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Start a coding round and assign transcripts to coders (independent, i.e. blind, by default)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response createRound(@Valid @NotNull NewRound command) {
        CodingRound round = rounds.create(command);
        return Versions.created(URI.create("/api/rounds/" + round.id), rounds.view(round.id));
    }

    @GET
    @Operation(summary = "Rounds, newest first: every round for analysts, the rounds you are assigned to for other coders")
    public Page<RoundSummary> listRounds(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return rounds.list(page, size);
    }

    @PUT
    @Path("/{id}/transcripts/{transcriptId}/completion")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark your transcript of an open round done")
    public MyAssignment completeAssignment(@PathParam("id") UUID id, @PathParam("transcriptId") String transcriptId) {
        return rounds.complete(id, transcriptId, true);
    }

    @DELETE
    @Path("/{id}/transcripts/{transcriptId}/completion")
    @Operation(summary = "Take back marking your transcript of an open round done")
    public MyAssignment reopenAssignment(@PathParam("id") UUID id, @PathParam("transcriptId") String transcriptId) {
        return rounds.complete(id, transcriptId, false);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "The transcripts you are assigned to code, per round")
    public List<MyAssignment> listMyAssignments() {
        return rounds.mine();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response getRound(@PathParam("id") UUID id) {
        return Versions.ok(rounds.view(id));
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Close the round: coders' work becomes visible for comparison and consensus (If-Match required)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response closeRound(@PathParam("id") UUID id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rounds.close(id, ifMatch);
        return Versions.ok(rounds.view(id));
    }

    @GET
    @Path("/{id}/comparison")
    @Operation(summary = "Per passage and code: where the coders agree and where they disagree")
    public Comparison compareRoundCodings(@PathParam("id") UUID id, @QueryParam("transcript") @NotBlank String transcriptId,
            @QueryParam("overlap") @DefaultValue("0.9") @DecimalMin("0.01") @DecimalMax("1.0") double overlap) {
        return rounds.compare(id, transcriptId, overlap);
    }

    @GET
    @Path("/{id}/agreement")
    @Operation(summary = "Agreement overall, per transcript and per code: percent, Cohen's/Fleiss' kappa, "
            + "Krippendorff's alpha (nominal and unitizing), MAXQDA segment agreement with Brennan-Prediger kappa")
    public AgreementReport getRoundAgreement(@PathParam("id") UUID id, @QueryParam("transcript") String transcriptId,
            @QueryParam("overlap") @DefaultValue("0.9") @DecimalMin("0.01") @DecimalMax("1.0") double overlap) {
        return rounds.agreement(id, transcriptId, overlap);
    }

    @GET
    @Path("/{id}/agreement/variables/{codeId}")
    @Operation(summary = "Agreement on a variable (a code group of mutually exclusive categories): percent, Cohen's kappa, weighted "
            + "kappa (linear, quadratic), Scott's pi, Fleiss' kappa, Brennan-Prediger, Gwet's AC1 and Krippendorff's alpha at every "
            + "level the variable allows",
            description = "Units are paragraphs (default) or coded segments (unit=segment). The answer says how many units each "
                    + "coefficient used and why the others were left out.")
    public VariableAgreements.VariableAgreementReport getRoundVariableAgreement(@PathParam("id") UUID id,
            @PathParam("codeId") UUID codeId, @QueryParam("transcript") String transcriptId,
            @QueryParam("unit") @DefaultValue("paragraph") @Pattern(regexp = "paragraph|segment", message = "must be paragraph or segment")
            String unit) {
        return variables.agreement(id, codeId, unit, transcriptId);
    }

    @GET
    @Path("/{id}/agreement/valence")
    @Operation(summary = "Agreement on valence (facilitator, barrier, mixed, neutral) of the passages every coder coded with the same code",
            description = "Units are the passages the comparison matches as agreed at the overlap given; the same coefficients as for a "
                    + "nominal variable.")
    public VariableAgreements.ValenceAgreementReport getRoundValenceAgreement(@PathParam("id") UUID id,
            @QueryParam("transcript") String transcriptId,
            @QueryParam("overlap") @DefaultValue("0.9") @DecimalMin("0.01") @DecimalMax("1.0") double overlap) {
        return variables.valence(id, transcriptId, overlap);
    }

    @GET
    @Path("/{id}/transcripts/{transcriptId}/consensus")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsensusView.class)))
    public Response getConsensus(@PathParam("id") UUID id, @PathParam("transcriptId") String transcriptId) {
        return Versions.ok(rounds.consensus(id, transcriptId));
    }

    @PUT
    @Path("/{id}/transcripts/{transcriptId}/consensus")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Decide the transcript's consensus coding set (replaces an earlier one; If-Match then required)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsensusView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is required to replace an existing one")
    public Response decideConsensus(@PathParam("id") UUID id, @PathParam("transcriptId") String transcriptId,
            @Valid @NotNull ConsensusSet set, @Parameter(description = "The ETag of the existing one, to replace it") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.ok(rounds.decide(id, transcriptId, set, ifMatch));
    }
}
