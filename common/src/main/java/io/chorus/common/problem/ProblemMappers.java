package io.chorus.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into problem+json: a JSON pointer to each offending field or parameter, the request as instance. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    /** A REFI-QDA file refused: 413 for its size, 422 for its content; the pointer names the archive entry at fault. */
    @ServerExceptionMapper
    public Response refusedFile(io.chorus.refi.RefiRefusal e, UriInfo uri) {
        String pointer = e.entry() == null ? "" : "/" + e.entry().replace("~", "~0").replace("/", "~1");
        int status = e.tooLarge() ? 413 : 422;
        return respond(new Problem("about:blank", status == 413 ? "Content Too Large" : "Unprocessable Content", status, e.getMessage(),
                List.of(new Problem.FieldError(pointer, e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response invalidBody(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::pointer))
                .toList();
        return respond(new Problem("about:blank", "Unprocessable Content", 422,
                "The request is well-formed but some fields or parameters are invalid", errors), uri);
    }

    /** Listed one by one so these win over Quarkus' built-in mappers for the Jackson subtypes. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class}, priority = Priorities.USER - 100)
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping.getPath())
                : e instanceof JsonParseException parse ? pointer(parse) : "";
        String detail = e instanceof UnrecognizedPropertyException unknown
                ? "Unknown field '" + unknown.getPropertyName() + "'"
                : "Malformed JSON: " + e.getOriginalMessage();
        return respond(new Problem("about:blank", "Bad Request", 400, detail,
                List.of(new Problem.FieldError(pointer, detail))), uri);
    }

    @ServerExceptionMapper(value = {AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem("about:blank", "Unauthorized", 401,
                "A valid bearer token for the chorus-api audience is required (Keycloak realm chorus)", List.of()), uri))
                .header("WWW-Authenticate", "Bearer realm=\"chorus\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403, "Your token holds no role that may do this", List.of()), uri);
    }

    /**
     * Framework refusals as problems. JAX-RS answers 404 when a query or path parameter cannot be converted and
     * wraps unreadable bodies: both are the client's malformed input, so 400 with the parameter or field named.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            return original;
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, uri);
        }
        if (e.getCause() != null && (original.getStatus() == 404 || original.getStatus() == 400) && resource != null
                && resource.getResourceMethod() != null) {
            String name = MalformedParameters.find(resource.getResourceMethod(), uri);
            String detail = "Parameter '" + name + "' has the wrong format: " + e.getCause().getMessage();
            return respond(new Problem("about:blank", "Bad Request", 400, detail, List.of(Problem.FieldError.parameter(name, detail))), uri);
        }
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder answer = Response.fromResponse(respond(new Problem("about:blank", status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), List.of()), uri));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    /**
     * Anything no other mapper took. A store that cannot be reached is the server's temporary state, not the client's
     * mistake: 503 with Retry-After. Anything else is a 500 problem naming the request id to quote, never a stack trace.
     */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (StoreOutages.isOutage(e)) {
            LOG.warnf("a store or service is unavailable: %s", e.toString());
            return Response.fromResponse(respond(new Problem("about:blank", "Service Unavailable", 503,
                    "A database or service this request needs is unavailable. Retry in a few seconds", List.of()), uri))
                    .header("Retry-After", StoreOutages.RETRY_AFTER_SECONDS).build();
        }
        String requestId = org.jboss.logging.MDC.get("requestId") instanceof String id ? id : "";
        LOG.errorf(e, "unexpected failure of request %s", requestId);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "An unexpected error occurred; quote request id " + requestId + " when you report it", List.of()), uri);
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemMappers.class);

    static Response respond(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.at(uri.getRequestUri().getRawPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    /** Where the parser stood; for a duplicate key, the pointer to that key in its object. */
    static String pointer(JsonParseException e) {
        if (e.getProcessor() == null) {
            return "";
        }
        com.fasterxml.jackson.core.JsonStreamContext context = e.getProcessor().getParsingContext();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '") && context.getParent() != null) {
            String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            return context.getParent().pathAsPointer().toString() + "/" + escape(name);
        }
        return context.pathAsPointer().toString();
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? escape(reference.getFieldName()) : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    /** A body field's pointer, or for a query, path or header parameter its name. */
    static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String parameter = MalformedParameters.parameterName(violation);
        if (parameter != null) {
            return Problem.FieldError.parameter(parameter, violation.getMessage());
        }
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                pointer.append('/').append(node.getIndex() != null ? node.getIndex() : node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return new Problem.FieldError(pointer.toString(), violation.getMessage());
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
