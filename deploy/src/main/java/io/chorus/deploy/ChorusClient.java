package io.chorus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to a running platform the way a partner system or a frontend does: tokens from Keycloak, then the APIs. */
public final class ChorusClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEMO_PASSWORD = "chorus";

    public record Reply(int status, String contentType, JsonNode body, String etag) {
    }

    private final PlatformSettings settings;

    public ChorusClient(PlatformSettings settings) {
        this.settings = settings;
    }

    /** A partner system's token by client credentials, e.g. client partner-bu with secret partner-bu-secret. */
    public String partnerToken(String site) {
        String client = "partner-" + site.toLowerCase();
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", client + "-secret"));
    }

    /** A demo person's token by the password grant of the public chorus-frontend client (local development only). */
    public String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "chorus-frontend", "username", username,
                "password", DEMO_PASSWORD));
    }

    private String token(Map<String, String> form) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(settings.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
        if (reply.status() != 200) {
            throw new IllegalStateException("token request failed with " + reply.status() + ": " + reply.body());
        }
        return reply.body().get("access_token").asText();
    }

    public Reply get(String service, String path, String token) {
        return send(request(service, path, token).GET());
    }

    public Reply post(String service, String path, String token, Object body) {
        return send(request(service, path, token).header("Content-Type", "application/json").POST(json(body)));
    }

    /** A POST that sends If-Match, for endpoints guarded by an ETag. */
    public Reply post(String service, String path, String token, Object body, String ifMatch) {
        return send(request(service, path, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .POST(json(body)));
    }

    /** A POST a client may repeat: the same Idempotency-Key gets the first answer again and changes nothing twice. */
    public Reply postIdempotent(String service, String path, String token, Object body, String idempotencyKey) {
        return send(request(service, path, token).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(json(body)));
    }

    /** A file upload as a browser's FormData sends it: one multipart part named {@code file}. */
    public Reply postFile(String service, String path, String token, String fileName, byte[] content) {
        String boundary = "chorus-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(service, path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))));
    }

    /** A download: the body as bytes, or an exception naming the refusal. */
    public byte[] download(String service, String path, String token) {
        try {
            HttpResponse<byte[]> response = Http.CLIENT.send(request(service, path, token).setHeader("Accept", "*/*").timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply delete(String service, String path, String token) {
        return send(request(service, path, token).DELETE());
    }

    public Reply put(String service, String path, String token, Object body) {
        return send(request(service, path, token).header("Content-Type", "application/json").PUT(json(body)));
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String service, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.serviceUrl(service) + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.nullNode() : parse(body);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
