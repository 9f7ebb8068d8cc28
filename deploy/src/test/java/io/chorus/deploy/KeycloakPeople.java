package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** What people do in Keycloak outside Chorus's API in the end-to-end tests: a first login's password, reading a token. */
final class KeycloakPeople {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakPeople() {
    }

    /** What the person does at first login: sets a password (here through Keycloak's own admin API). */
    static void setPassword(String username) throws Exception {
        String master = form(EmbeddedPlatform.settings().keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .path("access_token").asText();
        String users = EmbeddedPlatform.settings().keycloakUrl() + "/admin/realms/chorus/users";
        JsonNode user = ChorusClient.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
                .header("Authorization", "Bearer " + master).build(), HttpResponse.BodyHandlers.ofString()).body()).path(0);
        HTTP.send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText() + "/reset-password"))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"password\",\"value\":\"chorus\",\"temporary\":false}")).build(),
                HttpResponse.BodyHandlers.discarding());
        ((ObjectNode) user).putArray("requiredActions");
        ((ObjectNode) user).put("emailVerified", true);
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText()))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, updated.statusCode(), updated.body());
    }

    static JsonNode form(String url, Map<String, String> fields) throws Exception {
        return ChorusClient.JSON.readTree(post(url, fields).body());
    }

    static HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The claims of a token, as Keycloak issued them. */
    static JsonNode decode(String jwt) throws Exception {
        return ChorusClient.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
