package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A browser app on the frontend origins can call every service on the real platform; a page of any other origin cannot. */
@ExtendWith(EmbeddedPlatform.class)
class BrowserAppIT {

    static final Map<String, String> READ = Map.of("transcript-service", "/api/sites/BU/transcripts", "coding-service",
            "/api/transcripts", "reporting-service", "/api/reports/progress", "identity", "/api/me");

    final ChorusClient client = EmbeddedPlatform.client();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Http.CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFrontendOriginsGetCorsHeadersAndOthersGetNone() throws Exception {
        String token = client.userToken("analyst");
        for (Map.Entry<String, String> service : READ.entrySet()) {
            URI uri = URI.create(EmbeddedPlatform.settings().serviceUrl(service.getKey()) + service.getValue());
            String what = service.getKey() + " " + service.getValue();

            HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization,if-none-match"));
            assertEquals(200, preflight.statusCode(), "preflight without a token: " + what);
            assertEquals(Optional.of("http://localhost:5173"), preflight.headers().firstValue("Access-Control-Allow-Origin"), what);
            assertEquals(Optional.of("true"), preflight.headers().firstValue("Access-Control-Allow-Credentials"), what);
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("authorization"), what);

            HttpResponse<String> read = send(HttpRequest.newBuilder(uri).GET().header("Origin", "http://localhost:5173")
                    .header("Authorization", "Bearer " + token));
            assertEquals(200, read.statusCode(), what + ": " + read.body());
            assertEquals(Optional.of("http://localhost:5173"), read.headers().firstValue("Access-Control-Allow-Origin"), what);
            assertEquals(Optional.of("true"), read.headers().firstValue("Access-Control-Allow-Credentials"), what);
            String exposed = read.headers().firstValue("Access-Control-Expose-Headers").orElse("");
            for (String header : List.of("ETag", "Location", "Content-Disposition", "Link")) {
                assertTrue(exposed.contains(header), what + " exposes " + header + ": " + exposed);
            }

            HttpResponse<String> foreignPreflight = send(HttpRequest.newBuilder(uri).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET"));
            assertEquals(Optional.empty(), foreignPreflight.headers().firstValue("Access-Control-Allow-Origin"), what);
            HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri).GET().header("Origin", "https://elsewhere.example")
                    .header("Authorization", "Bearer " + token));
            assertEquals(403, foreign.statusCode(), what);
            assertEquals(Optional.empty(), foreign.headers().firstValue("Access-Control-Allow-Origin"), what);
            assertTrue(foreign.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
        }
    }
}
