package io.chorus.transcript.exchange.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.http.PersonalData;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.FileUploads;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import io.chorus.transcript.exchange.repository.ProjectImport;
import io.chorus.transcript.transcript.rest.TranscriptPush.Identifier;
import io.chorus.transcript.exchange.service.ProjectImports;
import io.chorus.transcript.exchange.service.ProjectImports.ImportRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A whole project from a desktop tool moves into a site: its sources become the site's transcripts, as a job. */
@Path("/api/sites/{site}/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Desktop tools (REFI-QDA)")
@PersonalData
public class ProjectImportResource {

    static final String[] IMPORTERS = {Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD};

    @Inject
    ProjectImports imports;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @Path("/qdpx")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Move a whole MAXQDA, NVivo or ATLAS.ti project (.qdpx as the form's 'file') into your site",
            description = "The file is checked at once (a hostile or malformed archive is refused and nothing is kept); a job then makes "
                    + "each text source a session of the study phase and a transcript of the site through the normal push path: "
                    + "identifiers sent as the form's 'identifiers' part (a JSON array, as in a push) are replaced before anything is "
                    + "stored, and the transcript starts the workflow as 'uploaded'. Cases named by a speaker code with questionnaire "
                    + "variables become participants. Coded selections are placed on the transcripts' paragraphs, whichever way the "
                    + "tool counted positions, and handed to coding-service with the code tree and the notes; coding-service applies "
                    + "them once each transcript is released. 202 and the job's URL; the same import again is the same job.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, at the Location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectImport.class)))
    public Response importQdpxProject(@PathParam("site") String site, @RestForm("file") FileUpload file,
            @RestForm("identifiers") @Parameter(description = "JSON array of identifiers to replace, as in a transcript push")
            String identifiers,
            @QueryParam("study") @NotBlank @Size(max = 100) String study,
            @QueryParam("phase") @NotBlank @Size(max = 100) String phase,
            @QueryParam("language") @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                    message = "must be a BCP 47 language tag such as 'de' or 'sw'") String language,
            @QueryParam("kind") @DefaultValue("focus-group") @Pattern(regexp = "focus-group|interview",
                    message = "must be focus-group or interview") String kind) {
        caller.requireAt(site, IMPORTERS);
        ProjectImport job = imports.start(site, FileUploads.required(file), new ImportRequest(study, phase, language, kind,
                identifiers(identifiers), file == null ? null : file.fileName()), caller.username());
        return Response.accepted(job).location(URI.create("/api/sites/" + site + "/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "A project import: status (queued, running, done, failed), sources done of total, the transcripts made, "
            + "codings placed, participants registered, and every item skipped with its reason")
    public ProjectImport getProjectImport(@PathParam("site") String site, @PathParam("id") String id) {
        caller.requireReadAccess(site, "Import '" + id + "'", Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD,
                Roles.CONSORTIUM_ADMIN);
        return imports.get(site, id);
    }

    private List<Identifier> identifiers(String part) {
        if (part == null || part.isBlank()) {
            return List.of();
        }
        List<Identifier> read;
        try {
            read = json.readValue(part, new TypeReference<List<Identifier>>() { });
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("/identifiers", "The identifiers part must be a JSON array of {value, kind, participant}");
        }
        if (read.size() > 1000) {
            throw ProblemException.invalid("/identifiers", "At most 1000 identifiers");
        }
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) == null) {
                errors.add(new Problem.FieldError("/identifiers/" + i, "must not be null"));
                continue;
            }
            for (ConstraintViolation<Identifier> v : validator.validate(read.get(i))) {
                errors.add(new Problem.FieldError("/identifiers/" + i + "/" + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::pointer));
            throw new ProblemException(422, "Unprocessable Content", "Some identifiers are invalid", errors);
        }
        return read;
    }
}
