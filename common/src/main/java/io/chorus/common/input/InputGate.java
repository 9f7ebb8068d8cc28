package io.chorus.common.input;

import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One input gate for every service, before any resource runs: path and query parameters must be strict
 * UTF-8 without control characters, and a request with a body must say what it is (415 otherwise).
 */
public class InputGate {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
        if (uri.getRawPath() != null) {
            for (String segment : uri.getRawPath().split("/")) {
                String problem = problemOf(segment);
                if (problem != null) {
                    String lenient = new String(InputText.percentDecoded(segment), StandardCharsets.UTF_8);
                    String name = pathParameters.entrySet().stream().filter(e -> e.getValue().contains(lenient))
                            .map(Map.Entry::getKey).findFirst().orElse("path");
                    throw ProblemException.badParameter(name, "Path parameter '" + name + "' " + problem);
                }
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name = problemOf(rawName) == null ? new String(InputText.percentDecoded(rawName), StandardCharsets.UTF_8) : "?";
                String problem = problemOf(rawName) != null ? problemOf(rawName) : equals < 0 ? null : problemOf(pair.substring(equals + 1));
                if (problem != null) {
                    throw ProblemException.badParameter(name, "Query parameter '" + name + "' " + problem);
                }
            }
        }
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "Send a Content-Type header with the body, such as application/json", List.of(
                            Problem.FieldError.parameter(HttpHeaders.CONTENT_TYPE, "missing")));
        }
    }

    /** Why a raw URI component is refused, or null: invalid or overlong UTF-8, or a control character. */
    private static String problemOf(String raw) {
        try {
            String text = InputText.strictUtf8(InputText.percentDecoded(raw));
            return InputText.controlCharacterAt(text) >= 0 ? InputText.describeControl(text) : null;
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8 (invalid or overlong byte sequence)";
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }
}
