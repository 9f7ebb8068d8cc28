package io.chorus.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole Chorus platform on embedded real infrastructure: PostgreSQL, Kafka, a MongoDB
 * wire-compatible server, Keycloak, then the four services. Used by {@code ./platform up} and by
 * the end-to-end tests.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final Consumer<String> progress;
    private final PostgresComponent postgres;
    private final MongoComponent mongo;
    private final KafkaComponent kafka;
    private final KeycloakComponent keycloak;
    private final List<ServiceComponent> services = new ArrayList<>();
    private final List<Component> started = new ArrayList<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();

    public Platform(PlatformSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.postgres = new PostgresComponent(settings);
        this.mongo = new MongoComponent(settings);
        this.kafka = new KafkaComponent(settings);
        this.keycloak = new KeycloakComponent(settings);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            services.add(new ServiceComponent(spec, settings, postgres, mongo));
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Ports that are taken by another program, by component name. */
    public Map<String, Integer> portsInUse() {
        Map<String, Integer> taken = new LinkedHashMap<>();
        settings.ports().forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true); // a port in TIME_WAIT after a restart is free for the servers too
                socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            } catch (IOException e) {
                taken.put(name, port);
            }
        });
        return taken;
    }

    public void start() {
        try {
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> taken = portsInUse();
        if (!taken.isEmpty()) {
            StringBuilder message = new StringBuilder("cannot start: ");
            taken.forEach((name, port) -> message.append("port ").append(port).append(" (").append(name).append(") is already in use; "));
            throw new IllegalStateException(message + "stop the program using it and try again");
        }
        long begin = System.nanoTime();
        try {
            CompletableFuture<Void> identityProvider = CompletableFuture.runAsync(() -> startComponent(keycloak));
            startComponent(postgres);
            startComponent(mongo);
            startComponent(kafka);
            identityProvider.join();
            services.stream().map(s -> CompletableFuture.runAsync(() -> startComponent(s))).toList()
                    .forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        progress.accept(String.format("all components ready in %.1f s", (System.nanoTime() - begin) / 1e9));
    }

    private void startComponent(Component component) {
        String log = settings.repositoryRoot().relativize(component.log().toAbsolutePath()).toString();
        progress.accept(String.format("%-18s starting   (log: %s)", component.name(), log));
        long begin = System.nanoTime();
        try {
            synchronized (started) {
                started.add(component);
            }
            component.start();
        } catch (Exception e) {
            progress.accept(String.format("%-18s FAILED: %s (see %s)", component.name(), e.getMessage(), log));
            throw e instanceof RuntimeException r ? r : new IllegalStateException(component.name() + " failed", e);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        synchronized (startSeconds) {
            startSeconds.put(component.name(), seconds);
        }
        progress.accept(String.format("%-18s ready in %.1f s", component.name(), seconds));
    }

    public Map<String, Double> startSeconds() {
        return Map.copyOf(startSeconds);
    }

    /** Resident memory of each component's processes in MiB (Linux /proc). */
    public Map<String, Long> residentMemoryMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        List<Component> all = new ArrayList<>(List.of(postgres, mongo, kafka, keycloak));
        all.addAll(services);
        for (Component component : all) {
            long kib = component.pids().stream().mapToLong(Platform::rssKiB).sum();
            rss.put(component.name(), kib / 1024);
        }
        rss.put("platform launcher", rssKiB(ProcessHandle.current().pid()) / 1024);
        return rss;
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Stops every started component, services first, and leaves no process behind. */
    @Override
    public void close() {
        List<Component> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        stopAll(toStop.stream().filter(c -> c instanceof ServiceComponent).toList());
        stopAll(toStop.stream().filter(c -> !(c instanceof ServiceComponent)).toList());
    }

    private static void stopAll(List<Component> components) {
        components.stream().map(c -> CompletableFuture.runAsync(c::stop)).toList().forEach(f -> {
            try {
                f.join();
            } catch (CompletionException e) {
                System.err.println("stop failed: " + e.getCause());
            }
        });
    }
}
