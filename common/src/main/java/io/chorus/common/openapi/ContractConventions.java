package io.chorus.common.openapi;

import io.chorus.common.http.IdempotencyKeys;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What every Chorus operation declares the same way, so the four documents read as one contract:
 * the problem+json answers it can give, ETag / Location / Idempotency-Key / If-None-Match headers, 304, real enums,
 * and one security scheme (authorization code with PKCE). The roles an operation admits stay readable as
 * {@code x-chorus-roles}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractConventions implements OASFilter {

    public static final String SCHEME = "keycloak";
    public static final String ROLES = "x-chorus-roles";
    private static final Pattern CHOICES = Pattern.compile(
            "\\^?\\(?((?:\\\\\\+|[A-Za-z0-9_-])+(?:\\|(?:\\\\\\+|[A-Za-z0-9_-])+)+)\\)?\\$?");
    private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("400", "The request is malformed"),
            Map.entry("401", "No valid access token"), Map.entry("403", "The caller's roles do not allow this here"),
            Map.entry("404", "Not found, or not visible to the caller"),
            Map.entry("409", "Conflicts with the resource's state, or the same Idempotency-Key is still running"),
            Map.entry("412", "If-Match does not name the current ETag"), Map.entry("413", "The body is too large"),
            Map.entry("415", "Unsupported Content-Type"), Map.entry("422", "A field or parameter is invalid (see errors[].pointer)"),
            Map.entry("428", "If-Match is required"),
            Map.entry("503", "A store the service needs is unavailable; nothing was changed. Retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getComponents().addSchema("Problem", ProblemSchemas.problem()).addSchema("FieldError", ProblemSchemas.fieldError());
        api.getComponents().setSecuritySchemes(new LinkedHashMap<>(Map.of(SCHEME, ProblemSchemas.keycloak(authServer()))));
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().forEach(this::declare);
        }
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(ContractConventions::enums);
        }
    }

    private static String authServer() {
        return ConfigProvider.getConfig().getOptionalValue("chorus.openapi.auth-server-url", String.class)
                .orElse("http://localhost:8180/realms/chorus");
    }

    private void declare(String path, PathItem item) {
        item.getOperations().forEach((method, operation) -> declare(path, method, operation));
        if (item.getParameters() != null) {
            item.getParameters().forEach(p -> enums(p.getSchema()));
        }
    }

    private void declare(String path, PathItem.HttpMethod method, Operation operation) {
        secure(operation);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(p -> enums(p.getSchema()));
        boolean hasBody = operation.getRequestBody() != null;
        Parameter ifMatch = parameters.stream().filter(p -> "If-Match".equals(p.getName())).findFirst().orElse(null);
        List<String> problems = new ArrayList<>(List.of("400", "401", "403", "503"));
        if (path.contains("{")) {
            problems.add("404");
        }
        if (method != PathItem.HttpMethod.GET) {
            problems.add("409");
        }
        if (ifMatch != null) {
            ifMatch.setDescription("The ETag of the representation this change is based on");
            problems.add("412");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                problems.add("428");
            }
        }
        if (hasBody) {
            problems.addAll(List.of("413", "415"));
        }
        if (hasBody || !parameters.isEmpty()) {
            problems.add("422");
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParameter(header(IdempotencyKeys.HEADER, "A key you choose per change (a UUID); a retry with the same key "
                    + "and request is answered as the first time, and changes nothing again"));
        }
        if (method == PathItem.HttpMethod.GET) {
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match named the current ETag"));
        }
        if (operation.getParameters() != null) {
            operation.setParameters(inPathOrder(path, operation.getParameters()));
        }
        problems.forEach(code -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse());
            }
        });
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.equals("503")) {
                if (response.getDescription() == null || response.getDescription().startsWith("Not ")) {
                    response.description(REASONS.getOrDefault(code, "Refused"));
                }
                response.content(ProblemSchemas.problemContent());
            }
        });
        operation.getResponses().getAPIResponses().forEach((code, response) -> headers(method, code, response));
    }

    private static void headers(PathItem.HttpMethod method, String code, APIResponse response) {
        if (code.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        if (code.equals("201") || code.equals("202")) {
            response.addHeader("Location", OASFactory.createHeader().description("The new resource")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
        }
        if ((code.equals("200") || code.equals("201")) && method != PathItem.HttpMethod.DELETE) {
            response.addHeader("ETag", OASFactory.createHeader().description("Send it back in If-Match to change this resource, "
                    + "or in If-None-Match to revalidate").schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    /** Path parameters in the order the path names them, then query, then header: the order of a generated method. */
    private static List<Parameter> inPathOrder(String path, List<Parameter> parameters) {
        List<Parameter> ordered = new ArrayList<>(parameters);
        ordered.sort(Comparator.comparingInt((Parameter p) -> p.getIn() == Parameter.In.PATH ? 0
                : p.getIn() == Parameter.In.QUERY ? 1 : 2)
                .thenComparingInt(p -> p.getIn() == Parameter.In.PATH ? path.indexOf("{" + p.getName() + "}") : 0));
        return ordered;
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255));
    }

    /** Roles become an extension; the security requirement names the one scheme without (non-existent) scopes. */
    private static void secure(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        TreeSet<String> roles = new TreeSet<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            requirement.getSchemes().values().forEach(roles::addAll);
        }
        operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        if (!roles.isEmpty()) {
            operation.addExtension(ROLES, List.copyOf(roles));
        }
    }

    /** A Bean Validation pattern that is a plain choice ({@code a|b|c}) is declared as the enum it is. */
    static void enums(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getPattern() != null) {
            var choice = CHOICES.matcher(schema.getPattern());
            if (choice.matches()) {
                schema.setPattern(null);
                schema.setEnumeration(new ArrayList<>(List.of((Object[]) choice.group(1).replace("\\+", "+").split("\\|"))));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractConventions::enums);
        }
        enums(schema.getItems());
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(ContractConventions::enums);
        }
    }
}
