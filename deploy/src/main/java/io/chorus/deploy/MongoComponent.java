package io.chorus.deploy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The MongoDB wire-compatible server (mongo-java-server, durable H2 file) as a child process. */
final class MongoComponent extends ChildProcessComponent {

    MongoComponent(PlatformSettings settings) {
        super(PlatformSettings.MONGO, settings);
    }

    @Override
    public void start() throws Exception {
        int port = settings.port(PlatformSettings.MONGO);
        // the H2 store writes a transcript at the 12 MiB limit in chunks of up to 64 MiB: with 256 MiB it ran out of memory
        // after a few such transcripts and closed the store, so every later write failed until a restart
        process.start(List.of(ChildProcess.java(), "-Xmx1g", "-cp", ChildProcess.deployClasspath(),
                MongoServerMain.class.getName(), String.valueOf(port),
                settings.stateDir().resolve("mongo").resolve("chorus.mv").toString()), Map.of(), settings.stateDir());
        process.awaitReady(() -> accepts(port), Duration.ofSeconds(60));
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    String connectionString() {
        return "mongodb://localhost:" + settings.port(PlatformSettings.MONGO);
    }
}
