package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged writes to the embedded MongoDB stand-in survive kill -9 of its process. */
class DurableMongoIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedInsertIsThereAfterACrash() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = dir.resolve("mongo/chorus.mv");
        ChildProcess server = start(port, file);
        int acknowledged = 500;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> collection = client.getDatabase("durability").getCollection("writes");
            for (int i = 0; i < acknowledged; i++) {
                collection.insertOne(new Document("_id", i).append("text", "x".repeat(2000)));
            }
            collection.updateOne(new Document("_id", 7), new Document("$set", new Document("changed", true)));
        }
        server.crash();

        ChildProcess restarted = start(port, file);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> collection = client.getDatabase("durability").getCollection("writes");
            assertEquals(acknowledged, collection.countDocuments());
            assertEquals(true, collection.find(new Document("_id", 7)).first().getBoolean("changed"));
        } finally {
            restarted.stop();
        }
    }

    private ChildProcess start(int port, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ChildProcess server = new ChildProcess("mongo", dir.resolve("mongo.log"));
        server.start(List.of(ChildProcess.java(), "-cp", ChildProcess.deployClasspath(), MongoServerMain.class.getName(),
                String.valueOf(port), file.toString()), Map.of(), dir);
        server.awaitReady(() -> MongoComponent.accepts(port), Duration.ofSeconds(60));
        return server;
    }
}
