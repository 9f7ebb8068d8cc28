package io.chorus.coding.codebook.rest;

import io.chorus.coding.codebook.service.CodebookViews.CodebookView;
import io.chorus.coding.codebook.service.CodebookViews.CodeView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCodebook;
import io.chorus.coding.codebook.service.CodebookCommands.NewCode;
import io.chorus.coding.codebook.service.CodebookCommands.NewCodebook;
import io.chorus.coding.codebook.service.CodebookCommands.PhaseAssignment;
import io.chorus.coding.codebook.service.CodebookService;
import io.chorus.coding.exchange.service.QdcCodebooks;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import io.chorus.common.rest.FileUploads;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.chorus.coding.codebook.service.CodebookTemplates;
import io.chorus.coding.codebook.service.CodebookViews.Change;
import io.chorus.coding.codebook.service.CodebookViews.CodebookSummary;
import io.chorus.coding.codebook.service.CodebookViews.PublishedVersion;
import io.chorus.coding.codebook.service.CodebookViews.Template;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.common.http.Downloads;
import io.chorus.common.rest.Page;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Codebooks")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
public class CodebookResource {

    @Inject
    CodebookService codebooks;

    @Inject
    CodebookTemplates templates;

    @Inject
    QdcCodebooks qdc;

    /** REFI-QDA code books travel as XML files. */
    static final String QDC = MediaType.APPLICATION_XML;

    @GET
    @Path("/codebooks")
    @Operation(summary = "Codebooks, newest first")
    public Page<CodebookSummary> listCodebooks(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        PanacheQuery<Codebook> query = Codebook.findAll(Sort.by("createdAt").descending().and("id"));
        return new Page<>(query.page(page, size).list().stream().map(c -> new CodebookSummary(c.id, c.name, c.origin,
                c.currentVersion, c.draft ? "draft" : "published")).toList(), page, size, query.count());
    }

    @POST
    @Path("/codebooks")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Start an empty codebook (version 1, draft)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodebookView.class)))
    public Response createCodebook(@Valid @NotNull NewCodebook command) {
        return created(codebooks.create(command));
    }

    @POST
    @Path("/codebooks/imports")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Import a codebook file (name, origin, codes with id, name, definition, children ...) as a draft")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodebookView.class)))
    public Response importCodebook(@Valid @NotNull ImportedCodebook file) {
        return created(codebooks.importCodebook(file, 0, false));
    }

    @GET
    @Path("/codebooks/templates")
    @Operation(summary = "Published codebooks bundled with Chorus (CFIR 2009 and two from the consortium's papers)")
    public List<Template> listCodebookTemplates() {
        return templates.list();
    }

    @POST
    @Path("/codebooks/templates/{name}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Import a bundled codebook as a new draft")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodebookView.class)))
    public Response importCodebookTemplate(@PathParam("name") String name) {
        return created(templates.importTemplate(name));
    }

    @GET
    @Path("/codebooks/{id}")
    @Operation(summary = "The codebook's current tree (the draft, or the last published version); ETag guards tree edits")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodebookView.class)))
    public Response getCodebook(@PathParam("id") UUID id) {
        return Versions.ok(codebooks.view(id));
    }

    @GET
    @Path("/codebooks/{id}/versions/{number}")
    @Operation(summary = "A published version exactly as it was frozen")
    public PublishedVersion getCodebookVersion(@PathParam("id") UUID id, @PathParam("number") int number) {
        return codebooks.publishedVersion(id, number);
    }

    @GET
    @Path("/codebooks/{id}/history")
    @Operation(summary = "Every tree change: added, renamed, edited, moved, merged, split; who, when, in which version")
    public List<Change> getCodebookHistory(@PathParam("id") UUID id) {
        return codebooks.history(id);
    }

    @POST
    @Path("/codebooks/{id}/publication")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Publish the draft: the version is frozen and announced (If-Match required)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodebookView.class)))
    public Response publishCodebook(@PathParam("id") UUID id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.ok(codebooks.view(codebooks.publish(id, ifMatch).id));
    }

    @POST
    @Path("/codebooks/{id}/drafts")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Start the next draft from the published version (If-Match required)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodebookView.class)))
    public Response createCodebookDraft(@PathParam("id") UUID id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.ok(codebooks.view(codebooks.newDraft(id, ifMatch).id));
    }

    @POST
    @Path("/codebooks/{id}/codes")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Add a code to the draft (If-Match: the codebook's ETag)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public Response addCode(@PathParam("id") UUID id, @Valid @NotNull NewCode command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Code code = codebooks.addCode(id, command, ifMatch);
        return Response.created(URI.create("/api/codes/" + code.id)).entity(CodeResource.view(code))
                .tag(Versions.etag(code.rowVersion)).build();
    }

    @PUT
    @Path("/studies/{study}/phases/{phase}/codebook")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Set the codebook a study's phase is coded with")
    public PhaseAssignment assignPhaseCodebook(@PathParam("study") String study, @PathParam("phase") String phase,
            @Valid @NotNull PhaseAssignment command) {
        codebooks.assignToPhase(study, phase, command.codebookId());
        return command;
    }

    @POST
    @Path("/codebooks/qdc")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Import a REFI-QDA code book (.qdc, sent as the form's 'file') as a new draft codebook",
            description = "Hierarchy, descriptions (a Chorus export's 'Include when:', 'Exclude when:' and 'Example:' paragraphs "
                    + "become the code's criteria), colours and codable flags are kept; each code keeps the file's GUID as its key. "
                    + "Any QDA-XML code book namespace is read (codebook 1.0, 1:0, 0:4). A DOCTYPE is refused.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CodebookView.class)))
    public Response importQdcCodebook(@RestForm("file") FileUpload file, @QueryParam("name") @Size(max = 200) String name) {
        return created(qdc.importFile(FileUploads.required(file), name));
    }

    @GET
    @Path("/codebooks/{id}/versions/{number}/qdc")
    @Produces(QDC)
    @Operation(summary = "A published version as a REFI-QDA code book (.qdc), valid against Codebook.xsd",
            description = "Codes keep the GUID they were imported with, else their Chorus id, so a tool's codings match them.")
    @APIResponse(responseCode = "200", description = "The .qdc file", content = @Content(mediaType = QDC,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportQdcCodebook(@PathParam("id") UUID id, @PathParam("number") int number) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        qdc.export(id, number, file);
        return Downloads.attachment(file.toByteArray(), QDC, qdc.fileName(id, number));
    }

    private Response created(Codebook codebook) {
        return Versions.created(URI.create("/api/codebooks/" + codebook.id), codebooks.view(codebook.id));
    }
}
