package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The end-to-end suites call the platform through the Java clients generated from the committed contracts
 * (module api-clients): a call the generated client cannot make is a gap in the contract.
 * {@code Api.transcripts(TranscriptsApi::new, token).pushTranscript(...)}.
 */
final class Api {

    private Api() {
    }

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** A refusal as the generated client reports it: its status and its problem+json body. */
    record Refusal(int status, String contentType, JsonNode problem) {
    }

    static <A> A transcripts(Function<io.chorus.client.transcript.ApiClient, A> api, String token) {
        var client = new io.chorus.client.transcript.ApiClient();
        configure("transcript-service", token, client::updateBaseUri, client::setReadTimeout, client::setRequestInterceptor);
        return api.apply(client);
    }

    static <A> A coding(Function<io.chorus.client.coding.ApiClient, A> api, String token) {
        var client = new io.chorus.client.coding.ApiClient();
        configure("coding-service", token, client::updateBaseUri, client::setReadTimeout, client::setRequestInterceptor);
        return api.apply(client);
    }

    static <A> A reporting(Function<io.chorus.client.reporting.ApiClient, A> api, String token) {
        var client = new io.chorus.client.reporting.ApiClient();
        configure("reporting-service", token, client::updateBaseUri, client::setReadTimeout, client::setRequestInterceptor);
        return api.apply(client);
    }

    static <A> A identity(Function<io.chorus.client.identity.ApiClient, A> api, String token) {
        var client = new io.chorus.client.identity.ApiClient();
        configure("identity", token, client::updateBaseUri, client::setReadTimeout, client::setRequestInterceptor);
        return api.apply(client);
    }

    /** Runs a call that must be refused and returns the refusal; fails when the call succeeds. */
    static Refusal refused(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            return refusal(e);
        }
        return fail("expected a refusal, but the call succeeded");
    }

    static int statusOf(Call call) {
        try {
            call.run();
            return 200;
        } catch (Exception e) {
            return refusal(e).status();
        }
    }

    static void assertRefused(int status, Call call) {
        Refusal refusal = refused(call);
        assertEquals(status, refusal.status(), String.valueOf(refusal.problem()));
        assertEquals("application/problem+json", refusal.contentType(), "a refusal is problem+json");
    }

    /** A report cell: a String, a Number, or null when withheld or missing. */
    static Object cell(Map<String, ?> row, String column) {
        return row.get(column);
    }

    private static Refusal refusal(Exception e) {
        int code;
        String body;
        java.net.http.HttpHeaders headers;
        if (e instanceof io.chorus.client.transcript.ApiException t) {
            code = t.getCode(); body = t.getResponseBody(); headers = t.getResponseHeaders();
        } else if (e instanceof io.chorus.client.coding.ApiException c) {
            code = c.getCode(); body = c.getResponseBody(); headers = c.getResponseHeaders();
        } else if (e instanceof io.chorus.client.reporting.ApiException r) {
            code = r.getCode(); body = r.getResponseBody(); headers = r.getResponseHeaders();
        } else if (e instanceof io.chorus.client.identity.ApiException i) {
            code = i.getCode(); body = i.getResponseBody(); headers = i.getResponseHeaders();
        } else {
            throw new AssertionError("not a refusal of the API", e);
        }
        try {
            JsonNode problem = body == null || body.isBlank() ? null : ChorusClient.JSON.readTree(body);
            String type = headers == null ? "" : headers.firstValue("Content-Type").orElse("");
            return new Refusal(code, type.split(";")[0], problem);
        } catch (IOException parse) {
            throw new AssertionError("a refusal that is not JSON: " + body, parse);
        }
    }

    private static void configure(String service, String token, Consumer<String> baseUri, Consumer<Duration> readTimeout,
            Consumer<Consumer<HttpRequest.Builder>> interceptor) {
        baseUri.accept(EmbeddedPlatform.settings().serviceUrl(service));
        readTimeout.accept(Duration.ofSeconds(30));
        interceptor.accept(authorized(token));
    }

    private static Consumer<HttpRequest.Builder> authorized(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }
}
