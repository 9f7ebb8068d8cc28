package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's sweep on the real Keycloak: every operation of the four OpenAPI documents, called as every demo
 * role, at the caller's own site (BU) and at another (ULM), where a released German transcript carries a marker.
 * It fails on a 5xx, on a refusal that is not problem+json, on a 2xx for a caller who holds none of the
 * operation's roles (at that site, for site roles), and on any body showing ULM's original text to a non-member.
 *
 * <p>To extend it: a new operation is swept as soon as it is in a service's OpenAPI. Give a new path
 * parameter a value in {@link #value}; add an operation that must not run here (it would disturb other
 * tests) to {@link #EXCLUDED}; a new demo role goes into {@link #callers}.
 */
@ExtendWith(EmbeddedPlatform.class)
class AccessSweepIT {

    static final List<String> SERVICES = List.of("transcript-service", "coding-service", "reporting-service", "identity");
    static final String MARKER = "ULM-ORIGINAL-MARKER";
    /** Operations that would disturb the other end-to-end tests if they ran (they are tested on their own). */
    static final Set<String> EXCLUDED = Set.of("POST /api/admin/rebuilds");

    record Person(String name, String token, Set<String> consortiumRoles, Map<String, Set<String>> siteRoles) {
        boolean holdsAnywhere(List<String> roles) {
            return roles.stream().anyMatch(r -> consortiumRoles.contains(r) || siteRoles.values().stream().anyMatch(s -> s.contains(r)));
        }

        boolean holdsAt(String site, List<String> roles) {
            return roles.stream().anyMatch(r -> consortiumRoles.contains(r) || siteRoles.getOrDefault(site, Set.of()).contains(r));
        }

        boolean readsOriginalsOf(String site) {
            return siteRoles.containsKey(site) || consortiumRoles.contains("translator");
        }
    }

    record Operation(String service, String method, String path, List<String> roles, List<String> requiredQuery,
            boolean siteQuery, boolean jsonBody) {
    }

    final ChorusClient client = EmbeddedPlatform.client();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String markerTranscript;

    @Test
    void everyOperationAsEveryRoleAtItsOwnAndAnotherSite() throws Exception {
        markerTranscript = releasedMarkerAtUlm();
        List<Person> people = callers();
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            operations.addAll(operations(service));
        }
        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            for (Person person : people) {
                for (String site : List.of("BU", "ULM")) {
                    calls++;
                    HttpResponse<String> response = call(operation, person, site);
                    check(operation, person, site, response, violations);
                }
            }
        }
        System.out.printf("access sweep: %d operations x %d callers x 2 sites = %d calls, %d violations%n",
                operations.size(), people.size(), calls, violations.size());
        assertTrue(operations.size() > 80, "the four OpenAPI documents were read: " + operations.size());
        assertEquals(List.of(), violations);
    }

    void check(Operation operation, Person person, String site, HttpResponse<String> response, List<String> violations) {
        int status = response.statusCode();
        String what = operation.method() + " " + operation.service() + operation.path() + " as " + person.name() + " at " + site
                + " -> " + status;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            violations.add(what + ": server error " + response.body());
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            violations.add(what + ": refusal without problem+json (" + type + ")");
        } else if (status < 300 && !operation.roles().isEmpty() && !person.holdsAnywhere(operation.roles())) {
            violations.add(what + ": success without any of the roles " + operation.roles());
        } else if (status < 300 && (operation.path().contains("{site}") || operation.siteQuery()) && !operation.roles().isEmpty()
                && !person.holdsAt(site, operation.roles())) {
            violations.add(what + ": success at a site where the caller holds none of " + operation.roles());
        }
        if (response.body().contains(MARKER) && !person.readsOriginalsOf("ULM")) {
            violations.add(what + ": the body shows ULM's original text");
        }
    }

    HttpResponse<String> call(Operation operation, Person person, String site) throws Exception {
        String path = operation.path();
        for (String parameter : parameters(path)) {
            path = path.replace("{" + parameter + "}", URLEncoder.encode(value(parameter, site), StandardCharsets.UTF_8));
        }
        List<String> query = new ArrayList<>();
        operation.requiredQuery().forEach(name -> query.add(name + "=" + ("site".equals(name) ? site : "1")));
        if (operation.siteQuery() && !operation.requiredQuery().contains("site")) {
            query.add("site=" + site);
        }
        URI uri = URI.create(EmbeddedPlatform.settings().serviceUrl(operation.service()) + path
                + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + person.token());
        HttpRequest.BodyPublisher body = operation.jsonBody() ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
        if (operation.jsonBody()) {
            request.header("Content-Type", "application/json");
        }
        request.method(operation.method(), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Path parameter values: ULM's marker transcript wherever a transcript is named, and unknown ids otherwise. */
    String value(String parameter, String site) {
        return switch (parameter) {
            case "site", "code" -> site;
            case "id", "transcriptId" -> markerTranscript;
            case "number" -> "P9999";
            case "externalId" -> "sweep-session";
            case "username" -> "nobody-sweep";
            case "clientId" -> "partner-" + site.toLowerCase() + "-nobody";
            case "role" -> "analyst";
            case "name" -> "cfir-2009";
            case "queryId" -> "no-such-query";
            default -> UUID.randomUUID().toString();
        };
    }

    List<Operation> operations(String service) {
        JsonNode openapi = client.get(service, "/q/openapi?format=json", null).body();
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String verb = method.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb) || EXCLUDED.contains(verb + " " + path.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<String> roles = new ArrayList<>();
                op.path("x-chorus-roles").forEach(role -> roles.add(role.asText()));
                List<String> required = new ArrayList<>();
                boolean siteQuery = false;
                for (JsonNode parameter : op.path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        if (parameter.path("required").asBoolean()) {
                            required.add(parameter.path("name").asText());
                        }
                        siteQuery |= "site".equals(parameter.path("name").asText());
                    }
                }
                boolean json = op.path("requestBody").path("content").has("application/json");
                operations.add(new Operation(service, verb, path.getKey(), roles, required, siteQuery, json));
            }
        }
        return operations;
    }

    static List<String> parameters(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}/:]+)[^}]*}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    List<Person> callers() {
        Map<String, Person> people = new LinkedHashMap<>();
        people.put("admin", new Person("admin", client.userToken("admin"), Set.of("consortium-admin"), Map.of()));
        people.put("analyst", new Person("analyst", client.userToken("analyst"), Set.of("analyst"), Map.of()));
        people.put("lead-bu", new Person("lead-bu", client.userToken("lead-bu"), Set.of(), Map.of("BU", Set.of("site-lead"))));
        people.put("researcher-bu", new Person("researcher-bu", client.userToken("researcher-bu"), Set.of(),
                Map.of("BU", Set.of("site-researcher"), "ULM", Set.of("translator"))));
        people.put("translator-bu", new Person("translator-bu", client.userToken("translator-bu"), Set.of(),
                Map.of("BU", Set.of("translator"))));
        people.put("translator-a", new Person("translator-a", client.userToken("translator-a"), Set.of("translator"), Map.of()));
        people.put("partner-bu", new Person("partner-bu", client.partnerToken("BU"), Set.of(), Map.of("BU", Set.of("partner-system"))));
        return List.copyOf(people.values());
    }

    /** A German ULM transcript taken to release: translated by the translation team, reviewed, released by ULM's lead. */
    String releasedMarkerAtUlm() {
        return releasedGermanAtUlm(client, MARKER + " Willkommen.", MARKER + " Danke.");
    }

    /** A German ULM transcript of two paragraphs, translated, reviewed twice (researcher-bu as ULM's translator), released. */
    static String releasedGermanAtUlm(ChorusClient client, String first, String second) {
        String push = "{\"externalId\":\"ulm-" + UUID.randomUUID() + "\",\"language\":\"de\",\"paragraphs\":[{\"speaker\":\"M\","
                + "\"text\":\"" + first + "\"},{\"speaker\":\"P1\",\"text\":\"" + second + "\"}]}";
        ChorusClient.Reply pushed = client.post("transcript-service", "/api/sites/ULM/transcripts", client.partnerToken("ULM"), push);
        assertEquals(201, pushed.status(), pushed.body().toString());
        String path = "/api/sites/ULM/transcripts/" + pushed.body().path("id").asText();
        assertEquals(200, client.post("transcript-service", path + "/back-check", client.userToken("lead-ulm"), "").status());
        assertEquals(200, client.put("transcript-service", path + "/translation", client.userToken("translator-a"),
                "{\"paragraphs\":[{\"n\":1,\"english\":\"Welcome.\"},{\"n\":2,\"english\":\"Thank you.\"}]}").status());
        assertEquals(200, client.post("transcript-service", path + "/reviews", client.userToken("translator-b"), "").status());
        assertEquals(200, client.post("transcript-service", path + "/reviews", client.userToken("researcher-bu"), "").status(),
                "researcher-bu reviews as ULM's translator");
        assertEquals(200, client.post("transcript-service", path + "/release", client.userToken("lead-ulm"), "").status());
        return pushed.body().path("id").asText();
    }
}
