package io.chorus.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process whose output goes to a log file, stopped with its descendants. */
final class ChildProcess {

    private final String name;
    private final Path log;
    private Process process;
    private boolean stopped;

    ChildProcess(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    synchronized void start(List<String> command, Map<String, String> environment, Path workingDir) throws IOException {
        if (stopped) {
            throw new IllegalStateException(name + " was stopped before it started");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until {@code ready} holds; fails early if the process dies. */
    void awaitReady(BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s");
    }

    int runToCompletion(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
        }
        return process.exitValue();
    }

    synchronized void stop() {
        stopped = true;
        terminate();
    }

    /** Asks the process and its descendants to exit (SIGTERM), waits up to 20 s, then kills what is left; it may start again. */
    synchronized void terminate() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** Kills the process without giving it a chance to clean up, as a crash or kill -9 would. */
    synchronized void crash() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized int exitCode() {
        return process == null || process.isAlive() ? 0 : process.exitValue();
    }

    List<Long> pids() {
        if (process == null || !process.isAlive()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(d -> pids.add(d.pid()));
        return pids;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The classpath of the deploy module: Kafka and the MongoDB stand-in run from it. */
    static String deployClasspath() {
        return System.getProperty("chorus.deploy.classpath", System.getProperty("java.class.path"));
    }
}
