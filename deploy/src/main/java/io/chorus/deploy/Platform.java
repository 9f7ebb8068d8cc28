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
    private final StudioComponent studio;
    private final List<ServiceComponent> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Component> started = new ArrayList<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();

    public Platform(PlatformSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.postgres = new PostgresComponent(settings);
        this.mongo = new MongoComponent(settings);
        this.kafka = new KafkaComponent(settings);
        this.keycloak = new KeycloakComponent(settings);
        this.studio = new StudioComponent(settings);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            List<String> instances = settings.instances(spec.name());
            for (int i = 1; i <= instances.size(); i++) {
                services.add(new ServiceComponent(spec, instances.get(i - 1), i, settings.port(instances.get(i - 1)), settings, postgres, mongo));
            }
            if (instances.size() > 1) {
                fronts.add(new HttpFront(spec.name(), settings.port(spec.name()), instances.stream().map(settings::port).toList(),
                        settings.logDir().resolve(spec.name() + "-front.log")));
            }
        }
    }

    private final List<HttpFront> fronts = new ArrayList<>();

    /** For each service that runs in several instances: how many connections its front gave each instance's port. */
    public Map<String, Map<Integer, Integer>> frontConnections() {
        Map<String, Map<Integer, Integer>> spread = new java.util.TreeMap<>();
        fronts.forEach(front -> spread.put(front.name(), front.connectionsByBackend()));
        return spread;
    }

    /**
     * Starts one more instance of a service on {@code port} (the benchmark's scaling step) and returns once it is ready. It
     * is instance {@code instance} of the service, so its Kafka consumers join the group as members of their own.
     */
    public void addReplica(String service, int instance, int port) {
        ServiceSpec spec = ServiceSpec.ALL.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
        ServiceComponent replica = new ServiceComponent(spec, service + "-" + instance, instance, port, settings, postgres, mongo);
        services.add(replica);
        startComponent(replica);
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
            fronts.forEach(this::startComponent);
            startComponent(studio);
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
                if (!started.contains(component)) {
                    started.add(component);
                }
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

    /**
     * Watches every started component and restarts one that died, with back-off (2 s doubling to 60 s), saying so.
     * A component crashed on purpose ({@link #crash}) is left down until {@link #restart}.
     */
    public synchronized void supervise() {
        if (supervisor != null) {
            return;
        }
        java.util.concurrent.ScheduledExecutorService watcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chorus-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, long[]> backoff = new java.util.concurrent.ConcurrentHashMap<>();
        watcher.scheduleWithFixedDelay(() -> {
            List<Component> watched;
            synchronized (started) {
                watched = new ArrayList<>(started);
            }
            for (Component component : watched) {
                if (closing || held.contains(component.name()) || component.alive()) {
                    continue;
                }
                long[] next = backoff.computeIfAbsent(component.name(), n -> new long[] {0, 2_000});
                if (System.currentTimeMillis() < next[0]) {
                    continue;
                }
                progress.accept(String.format("%-18s died; restarting it", component.name()));
                try {
                    restartNow(component);
                    backoff.remove(component.name());
                    restarts.merge(component.name(), 1, Integer::sum);
                } catch (RuntimeException e) {
                    next[0] = System.currentTimeMillis() + next[1];
                    progress.accept(String.format("%-18s did not come back (%s); next try in %d s", component.name(), e.getMessage(),
                            next[1] / 1000));
                    next[1] = Math.min(60_000, next[1] * 2);
                }
            }
        }, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        supervisor = watcher;
    }

    private java.util.concurrent.ScheduledExecutorService supervisor;
    private volatile boolean closing;
    private final Map<String, Integer> restarts = new java.util.concurrent.ConcurrentHashMap<>();

    /** How often the supervisor has restarted the component. */
    public int restarts(String name) {
        return restarts.getOrDefault(name, 0);
    }

    /** kill -9 of one component by name, as a crash would: the supervisor, if it runs, restarts it. */
    public void kill(String name) throws Exception {
        component(name).crash();
    }

    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** kill -9 of one component by name; the supervisor leaves it down until {@link #restart}. */
    public void crash(String name) throws Exception {
        Component component = component(name);
        held.add(name);
        component.crash();
    }

    /** Stops one component cleanly (SIGTERM); the supervisor leaves it down until {@link #restart}. */
    public void stop(String name) {
        Component component = component(name);
        held.add(name);
        component.shutdown();
    }

    /** Starts a crashed or stopped component again and returns once it is ready. */
    public void restart(String name) {
        restartNow(component(name));
        held.remove(name);
    }

    public boolean alive(String name) {
        return component(name).alive();
    }

    private void restartNow(Component component) {
        if (component.alive()) {
            return;
        }
        startComponent(component);
    }

    private Component component(String name) {
        synchronized (started) {
            return started.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no started component " + name));
        }
    }

    public Map<String, Double> startSeconds() {
        return Map.copyOf(startSeconds);
    }

    /** Resident memory of each component's processes in MiB (Linux /proc). */
    public Map<String, Long> residentMemoryMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        List<Component> all = new ArrayList<>(List.of(postgres, mongo, kafka, keycloak));
        all.addAll(services);
        all.add(studio);
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
        closing = true;
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        List<Component> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        stopAll(toStop.stream().filter(Platform::isChorus).toList());
        stopAll(toStop.stream().filter(c -> !isChorus(c)).toList());
    }

    /** Chorus's own processes, stopped before the infrastructure they use. */
    private static boolean isChorus(Component component) {
        return component instanceof ServiceComponent || component instanceof HttpFront || component instanceof StudioComponent;
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
