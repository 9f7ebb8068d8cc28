package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.HttpFront;
import io.chorus.deploy.PlatformSettings;
import io.chorus.deploy.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of a mixed load through the round-robin fronts, with one instance of each service and then with two (P8 of
 * {@code ./platform bench}): pushes of a 10-paragraph transcript, code-frequency reports, pages of the codings listing and
 * {@code /api/me}, in turn, from 8 clients. The second instances join the same Kafka consumer groups and databases.
 */
final class ScalingBenchmark {

    private static final int CLIENTS = 8;
    private static final List<String> SERVICES = ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();

    private ScalingBenchmark() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        PlatformSettings settings = context.platform().settings();
        int requests = context.size(4000, 800);
        Map<String, Integer> secondInstances = new LinkedHashMap<>();
        double one = throughput(context, settings, Map.of(), requests);
        for (String service : SERVICES) {
            int port = freePort();
            context.platform().addReplica(service, 2, port);
            secondInstances.put(service, port);
        }
        throughput(context, settings, secondInstances, requests / 4); // the new instances' first requests compile their code
        double two = throughput(context, settings, secondInstances, requests);
        results.value("P8", "P8.replicas.1", "mixed load through the fronts, 1 instance of each service, " + CLIENTS + " clients",
                "requests/s", one, null, null);
        results.value("P8", "P8.replicas.2", "the same with 2 instances of each service", "requests/s", two, null, null);
        results.value("P8", "P8.ratio", "2 instances / 1 instance", "x", two / one, null, null);
    }

    /** Requests per second through fresh fronts (new ports, so new connections) to the first and the given instances. */
    private static double throughput(BenchContext context, PlatformSettings settings, Map<String, Integer> more, int requests)
            throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>(settings.ports());
        List<HttpFront> fronts = new ArrayList<>();
        try {
            for (String service : SERVICES) {
                List<Integer> backends = new ArrayList<>(List.of(settings.port(service)));
                if (more.containsKey(service)) {
                    backends.add(more.get(service));
                }
                HttpFront front = new HttpFront(service, freePort(), backends, settings.logDir().resolve(service + "-bench-front.log"));
                front.start();
                fronts.add(front);
                ports.put(service, front.port());
            }
            ChorusClient client = new ChorusClient(new PlatformSettings(settings.repositoryRoot(), settings.stateDir(),
                    settings.keycloakHome(), ports));
            String partner = client.partnerToken("BU");
            String analyst = client.userToken("analyst");
            return PushBenchmark.perSecond(CLIENTS, requests, i -> {
                ChorusClient.Reply reply = switch (i % 4) {
                    case 0 -> client.post("transcript-service", "/api/sites/BU/transcripts", partner, transcript());
                    case 1 -> client.get("reporting-service", "/api/reports/progress", analyst);
                    case 2 -> client.get("coding-service", "/api/codings?size=20", analyst);
                    default -> client.get("identity", "/api/me", analyst);
                };
                if (reply.status() >= 300) {
                    throw new IllegalStateException("request " + i + " answered " + reply.status() + ": " + reply.body());
                }
            });
        } finally {
            fronts.forEach(HttpFront::stop);
        }
    }

    private static ObjectNode transcript() {
        ObjectNode body = ChorusClient.JSON.createObjectNode().put("externalId", "scaling-" + java.util.UUID.randomUUID()).put("language", "en");
        ArrayNode paragraphs = body.putArray("paragraphs");
        for (int p = 1; p <= 10; p++) {
            paragraphs.addObject().put("speaker", "P" + p).put("text", "Paragraph " + p + ": they have been there and they know.");
        }
        return body;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
