package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No cluster runs here, so deploy/kubernetes is held to the Kubernetes API and to the embedded stack. Every built-in
 * object is read into the Kubernetes API's own model classes (fabric8 kubernetes-model) and may carry no field that
 * API does not know; each operator's resource is checked for the API version and fields Chorus relies on. Then ports,
 * environment names, topics, databases, versions and the realm are compared with what {@code ./platform up} runs.
 */
class KubernetesManifestsTest {

    static final Path DIR = ComposeConsistencyTest.ROOT.resolve("deploy/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    static final Map<String, Class<?>> BUILT_IN = Map.of("v1/Namespace", Namespace.class, "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class, "apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    static final Set<String> OPERATED = Set.of("kafka.strimzi.io/v1beta2/Kafka", "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");
    static final String REALM_IMPORT = "realm-import.yaml";

    final JsonNode kustomization = read(DIR.resolve("kustomization.yaml")).get(0);
    final List<JsonNode> objects = objects();

    @Test
    void everyObjectIsKnownToTheKubernetesApiOrToItsOperator() throws Exception {
        for (JsonNode object : objects) {
            String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            String where = type + " " + object.path("metadata").path("name").asText();
            assertFalse(object.path("metadata").path("name").asText().isEmpty(), where + " has a name");
            if (BUILT_IN.containsKey(type)) {
                Object typed = YAML.treeToValue(object, BUILT_IN.get(type)); // wrong types fail here
                List<String> unknown = new ArrayList<>();
                UnknownFields.collect(typed, "", unknown);
                assertEquals(List.of(), unknown, where + ": fields the Kubernetes API does not have");
            } else {
                assertTrue(OPERATED.contains(type), where + " is neither a Kubernetes kind nor one of the operators' kinds");
                assertTrue(object.path("spec").isObject(), where + " has a spec");
            }
        }
    }

    @Test
    void studioServesOnItsEmbeddedPortAndIsToldEachServicesPublicAddress() throws Exception {
        Set<String> configKeys = new TreeSet<>();
        one("ConfigMap", "chorus-config").path("data").fieldNames().forEachRemaining(configKeys::add);
        Deployment deployment = YAML.treeToValue(one("Deployment", PlatformSettings.STUDIO), Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("chorus/studio", container.getImage());
        assertTrue(texts(kustomization.path("images"), "name").contains(container.getImage()), "the image's tag is set in kustomization");
        assertEquals(PlatformSettings.STUDIO_DEFAULT_PORT, container.getPorts().get(0).getContainerPort());
        for (String service : List.of("KEYCLOAK", "TRANSCRIPT", "CODING", "REPORTING", "IDENTITY")) {
            EnvVar variable = container.getEnv().stream().filter(v -> v.getName().equals("CHORUS_STUDIO_" + service + "_URL")).findFirst()
                    .orElseThrow(() -> new AssertionError("Studio is not told where " + service + " is"));
            assertTrue(configKeys.contains(variable.getValueFrom().getConfigMapKeyRef().getKey()), variable.getName());
        }
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(PlatformSettings.STUDIO_DEFAULT_PORT,
                YAML.treeToValue(one("Service", PlatformSettings.STUDIO), Service.class).getSpec().getPorts().get(0).getPort());
    }

    @Test
    void eachServiceRunsAsTheEmbeddedOneWithProbesResourcesAndAnAutoscaler() throws Exception {
        Set<String> configKeys = new TreeSet<>();
        one("ConfigMap", "chorus-config").path("data").fieldNames().forEachRemaining(configKeys::add);
        Set<String> secrets = secretNames();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            // a service with Kafka consumers runs as a StatefulSet: its stable pod names are its static member ids
            boolean consumes = consumes(spec);
            String workload = consumes ? "StatefulSet" : "Deployment";
            PodTemplateSpec template;
            Map<String, String> selector;
            if (consumes) {
                StatefulSet set = YAML.treeToValue(one(workload, spec.name()), StatefulSet.class);
                template = set.getSpec().getTemplate();
                selector = set.getSpec().getSelector().getMatchLabels();
                assertEquals(spec.name() + "-pods", set.getSpec().getServiceName());
                assertEquals("None", YAML.treeToValue(one("Service", spec.name() + "-pods"), Service.class).getSpec().getClusterIP(),
                        "its governing service is headless");
            } else {
                Deployment deployment = YAML.treeToValue(one(workload, spec.name()), Deployment.class);
                template = deployment.getSpec().getTemplate();
                selector = deployment.getSpec().getSelector().getMatchLabels();
            }
            Container container = template.getSpec().getContainers().get(0);
            assertEquals("chorus/" + spec.name(), container.getImage());
            assertTrue(Files.exists(ComposeConsistencyTest.ROOT.resolve(spec.name()).resolve("src/main/docker/Dockerfile.jvm")));
            assertTrue(texts(kustomization.path("images"), "name").contains(container.getImage()), "the image's tag is set in kustomization");
            assertEquals(spec.defaultPort(), container.getPorts().get(0).getContainerPort());
            Set<String> env = new TreeSet<>();
            for (EnvVar variable : container.getEnv()) {
                env.add(variable.getName());
                var from = variable.getValueFrom();
                if (from != null && from.getConfigMapKeyRef() != null) {
                    assertTrue(configKeys.contains(from.getConfigMapKeyRef().getKey()), spec.name() + " reads " + from.getConfigMapKeyRef().getKey());
                }
                if (from != null && from.getSecretKeyRef() != null) {
                    assertTrue(secrets.contains(from.getSecretKeyRef().getName()), spec.name() + " reads secret " + from.getSecretKeyRef().getName());
                }
            }
            assertTrue(env.containsAll(spec.environment()), spec.name() + " sets " + spec.environment() + ": " + env);
            assertTrue(env.contains(ServiceComponent.INSTANCE), "each pod is an instance of its own (Kafka static members, job runners)");
            assertEquals("browser-origins", container.getEnv().stream().filter(v -> v.getName().equals("QUARKUS_HTTP_CORS_ORIGINS"))
                    .findFirst().orElseThrow().getValueFrom().getConfigMapKeyRef().getKey(), spec.name() + " answers Studio's origin");
            assertEquals(String.valueOf(spec.defaultPort()), value(container, ServiceSpec.HTTP_PORT));
            if (spec.database() != null) {
                assertEquals("jdbc:postgresql://chorus-postgres-rw:5432/" + spec.database(), value(container, ServiceSpec.JDBC_URL));
                assertTrue(databases().contains(spec.database()), spec.database() + " is created");
            }
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertNotNull(container.getResources().getRequests().get("cpu"));
            assertNotNull(container.getResources().getRequests().get("memory"));
            assertNotNull(container.getResources().getLimits().get("memory"));

            Service service = YAML.treeToValue(one("Service", spec.name()), Service.class);
            assertEquals(spec.defaultPort(), service.getSpec().getPorts().get(0).getPort());
            assertEquals(selector, service.getSpec().getSelector());

            HorizontalPodAutoscaler autoscaler = YAML.treeToValue(one("HorizontalPodAutoscaler", spec.name()), HorizontalPodAutoscaler.class);
            assertEquals(spec.name(), autoscaler.getSpec().getScaleTargetRef().getName());
            assertEquals(workload, autoscaler.getSpec().getScaleTargetRef().getKind());
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, "at least two replicas, so that one may go");
            assertTrue(autoscaler.getSpec().getMaxReplicas() > autoscaler.getSpec().getMinReplicas());
        }
    }

    @Test
    void kafkaHasThreeKraftNodesAndTheEmbeddedTopics() throws IOException {
        JsonNode kafka = one("Kafka", "chorus");
        assertEquals(Versions.kafka(), kafka.at("/spec/kafka/version").asText(), "the Kafka version of the embedded stack");
        JsonNode pool = objects.stream().filter(o -> o.path("kind").asText().equals("KafkaNodePool")).findFirst().orElseThrow();
        assertEquals(3, pool.at("/spec/replicas").asInt());
        assertEquals(Set.of("controller", "broker"), new TreeSet<>(texts(pool.at("/spec/roles"), null)), "KRaft: no ZooKeeper");
        int listener = kafka.at("/spec/kafka/listeners/0/port").asInt();
        assertEquals("chorus-kafka-bootstrap:" + listener, one("ConfigMap", "chorus-config").at("/data/kafka-bootstrap-servers").asText());
        assertEquals(KafkaComponent.MAX_RECORD_BYTES, kafka.at("/spec/kafka/config/message.max.bytes").asInt());

        Set<String> expected = new TreeSet<>(ServiceSpec.TOPICS);
        for (String module : List.of("transcript-service", "coding-service", "reporting-service")) {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(ComposeConsistencyTest.ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            properties.stringPropertyNames().stream().filter(n -> n.endsWith(".dead-letter-queue.topic")).map(properties::getProperty)
                    .forEach(expected::add);
        }
        Set<String> declared = new TreeSet<>();
        expected.add(ServiceSpec.KEY_TOPIC);
        for (JsonNode topic : ofKind("KafkaTopic")) {
            declared.add(topic.at("/metadata/name").asText());
            assertEquals("chorus", topic.at("/metadata/labels/strimzi.io~1cluster").asText());
            if (topic.at("/metadata/name").asText().equals(ServiceSpec.KEY_TOPIC)) {
                ServiceSpec.KEY_TOPIC_CONFIG.forEach((name, value) ->
                        assertEquals(value, topic.at("/spec/config/" + name).asText(), "key topic " + name + ", as embedded"));
                continue;
            }
            assertEquals(3, topic.at("/spec/partitions").asInt(), "three partitions, as embedded");
            assertEquals(-1, topic.at("/spec/config/retention.ms").asLong(), "events are kept for ever (rebuilds replay them)");
            assertEquals(KafkaComponent.MAX_RECORD_BYTES, topic.at("/spec/config/max.message.bytes").asInt());
        }
        assertEquals(expected, declared, "every topic and dead-letter topic of the services is declared (auto-creation is off)");
        assertFalse(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true));
    }

    @Test
    void postgresMongoAndKeycloakAreReplicatedAndWhatTheServicesExpect() throws IOException {
        assertEquals(3, one("Cluster", "chorus-postgres").at("/spec/instances").asInt());
        JsonNode mongo = one("MongoDBCommunity", "chorus-mongodb");
        assertEquals(3, mongo.at("/spec/members").asInt());
        assertEquals("ReplicaSet", mongo.at("/spec/type").asText());
        JsonNode user = mongo.at("/spec/users/0");
        String connectionSecret = "chorus-mongodb-" + user.path("db").asText() + "-" + user.path("name").asText();
        StatefulSet transcripts = YAML.treeToValue(one("StatefulSet", "transcript-service"), StatefulSet.class);
        var mongoRef = transcripts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(ServiceSpec.MONGO)).findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
        assertEquals(connectionSecret, mongoRef.getName(), "the secret the operator writes for the user");
        Properties properties = new Properties();
        try (var in = Files.newInputStream(ComposeConsistencyTest.ROOT.resolve("transcript-service/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        assertEquals(properties.getProperty("quarkus.mongodb.database"), user.at("/roles/0/db").asText());

        JsonNode keycloak = one("Keycloak", "chorus-keycloak");
        assertTrue(keycloak.at("/spec/image").asText().endsWith(":" + Versions.keycloak()), "same Keycloak version");
        assertTrue(databases().contains(keycloak.at("/spec/db/database").asText()));
        String issuer = one("ConfigMap", "chorus-config").at("/data/oidc-token-issuer").asText();
        assertEquals(keycloak.at("/spec/hostname/hostname").asText() + "/realms/chorus", issuer, "tokens name the public host");
    }

    /**
     * The realm imported in a cluster is the realm of ./platform up without what only suits a laptop: no demo people
     * (service accounts stay), no client secrets in the file (Keycloak makes them; chorus-identity's comes from a
     * Secret), and no password grant. {@code -Dchorus.kubernetes.write=true} writes it again after a realm change.
     */
    @Test
    void theRealmImportIsTheEmbeddedRealmWithoutDemoPeopleSecretsOrPasswordGrant() throws IOException {
        ObjectNode expected = clusterRealm(new ObjectMapper().readTree(ComposeConsistencyTest.ROOT.resolve(KeycloakComponent.REALM_FILE).toFile()));
        ObjectNode importObject = YAML.createObjectNode().put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        importObject.putObject("metadata").put("name", "chorus-realm");
        ObjectNode spec = importObject.putObject("spec").put("keycloakCRName", "chorus-keycloak");
        spec.putObject("placeholders").putObject("CHORUS_IDENTITY_CLIENT_SECRET").putObject("secret").put("name", "chorus-identity-client")
                .put("key", "secret");
        spec.set("realm", expected);
        if (Boolean.getBoolean("chorus.kubernetes.write")) {
            Files.writeString(DIR.resolve(REALM_IMPORT), "# Generated from " + KeycloakComponent.REALM_FILE + " by KubernetesManifestsTest "
                    + "(-Dchorus.kubernetes.write=true): the\n# embedded realm without demo people, client secrets or the password grant.\n"
                    + YAML.writeValueAsString(importObject));
        }
        assertEquals(importObject, read(DIR.resolve(REALM_IMPORT)).get(0),
                "deploy/kubernetes/" + REALM_IMPORT + " is out of date: run this test with -Dchorus.kubernetes.write=true");
        assertEquals("chorus-keycloak", one("Keycloak", "chorus-keycloak").at("/metadata/name").asText());
        String realm = expected.toString();
        assertFalse(realm.contains("\"password\""), "no passwords");
        assertFalse(realm.contains("-secret\""), "no demo client secrets");
    }

    static ObjectNode clusterRealm(JsonNode embedded) {
        ObjectNode realm = embedded.deepCopy();
        ArrayNode users = realm.putArray("users");
        embedded.path("users").forEach(user -> {
            if (user.has("serviceAccountClientId")) {
                users.add(user);
            }
        });
        for (JsonNode client : realm.path("clients")) {
            ObjectNode editable = (ObjectNode) client;
            if (editable.has("secret")) {
                editable.remove("secret");
            }
            if (client.path("clientId").asText().equals("chorus-identity")) {
                editable.put("secret", "${CHORUS_IDENTITY_CLIENT_SECRET}");
            }
            if (client.path("clientId").asText().equals("chorus-frontend")) {
                editable.put("directAccessGrantsEnabled", false);
                editable.putArray("redirectUris").add("https://chorus.example.org/*");
            }
        }
        return realm;
    }

    /** Whether the service has incoming Kafka channels (static members of a consumer group). */
    private static boolean consumes(ServiceSpec spec) throws IOException {
        return Files.readString(ComposeConsistencyTest.ROOT.resolve(spec.name()).resolve("src/main/resources/application.properties"))
                .contains(".group.instance.id=");
    }

    private Set<String> databases() {
        Set<String> names = new TreeSet<>();
        names.add(one("Cluster", "chorus-postgres").at("/spec/bootstrap/initdb/database").asText());
        ofKind("Database").forEach(d -> names.add(d.at("/spec/name").asText()));
        return names;
    }

    /** Secrets made by the kustomization (each with an .env.example to copy) and the one the MongoDB operator writes. */
    private Set<String> secretNames() {
        Set<String> names = new TreeSet<>();
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            names.add(generator.path("name").asText());
            for (JsonNode env : generator.path("envs")) {
                assertTrue(Files.exists(DIR.resolve(env.asText() + ".example")), env.asText() + ".example shows what to set");
            }
        }
        JsonNode user = one("MongoDBCommunity", "chorus-mongodb").at("/spec/users/0");
        names.add("chorus-mongodb-" + user.path("db").asText() + "-" + user.path("name").asText());
        return names;
    }

    private static String value(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().map(EnvVar::getValue).orElse(null);
    }

    private JsonNode one(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/kubernetes"));
    }

    private List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private List<JsonNode> objects() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path file = DIR.resolve(resource.asText());
            assertTrue(Files.exists(file), "kustomization lists " + file);
            all.addAll(read(file));
        }
        return all;
    }

    static List<JsonNode> read(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                    documents.add(d);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not YAML", e);
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(field == null ? v.asText() : v.path(field).asText()));
        return values;
    }
}
