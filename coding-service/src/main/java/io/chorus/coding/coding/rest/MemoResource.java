package io.chorus.coding.coding.rest;

import io.chorus.common.problem.Problem;
import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.coding.service.CodingCommands.MemoUpdate;
import io.chorus.coding.coding.service.CodingCommands.NewMemo;
import io.chorus.coding.coding.service.CodingViews.MemoView;
import io.chorus.coding.coding.service.MemoService;
import io.chorus.common.rest.Page;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/memos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memos")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class MemoResource {

    @Inject
    MemoService memos;

    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemoView.class)))
    public Response createMemo(@Valid @NotNull NewMemo command) {
        Memo memo = memos.create(command);
        return Versions.created(URI.create("/api/memos/" + memo.id), memos.get(memo.id));
    }

    @GET
    public Page<MemoView> listMemos(@QueryParam("target") @Pattern(regexp = "project|code|transcript|passage") String target,
            @QueryParam("code") UUID codeId, @QueryParam("transcript") String transcriptId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return memos.list(target, codeId, transcriptId, page, size);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemoView.class)))
    public Response getMemo(@PathParam("id") UUID id) {
        return Versions.ok(memos.get(id));
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemoView.class)))
    public Response updateMemo(@PathParam("id") UUID id, @Valid @NotNull MemoUpdate command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        memos.update(id, command, ifMatch);
        return Versions.ok(memos.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public void deleteMemo(@PathParam("id") UUID id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        memos.delete(id, ifMatch);
    }
}
