package io.chorus.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: the HTTP server's outer limits answer problem+json too. Raw requests over a socket, as a hostile client
 * sends them (an HTTP client library would refuse to send some of them).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OuterLimitsTest {

    @TestHTTPResource("/")
    URL root;

    /** The status line and the rest of the answer. */
    record Answer(int status, String rest) {
    }

    Answer raw(String requestLine, String... headers) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    static void assertProblem(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.rest());
        assertTrue(answer.rest().toLowerCase().contains("content-type: application/problem+json"), answer.rest());
        assertTrue(answer.rest().contains("\"status\":" + status), answer.rest());
    }

    @Test
    void headersOfSixtyFourKibibytesAndAHundredKilobyteAuthorizationAre431Problems() throws Exception {
        assertProblem(raw("GET /api/memos HTTP/1.1", "X-Padding: " + "a".repeat(64 * 1024)), 431);
        assertProblem(raw("GET /api/memos HTTP/1.1", "Authorization: Bearer " + "b".repeat(100_000)), 431);
    }

    @Test
    void pathTraversalIsAProblem() throws Exception {
        for (String path : new String[] {"../../etc/passwd", "/../../etc/passwd", "/api/../../../etc/passwd", "/api/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd"}) {
            Answer answer = raw("GET " + path + " HTTP/1.1");
            assertTrue(answer.status() == 400 || answer.status() == 404, path + ": " + answer.rest());
            assertProblem(answer, answer.status());
        }
    }
}
