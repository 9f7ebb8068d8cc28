package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures of one benchmark run: every timing as p50/p95 (ms), every ratio and count as a value, each with its goal
 * where the issue set one. Printed as one table and written as JSON ({@link #write}); docs/benchmarks.md shows the shape.
 */
public final class BenchResults {

    /** @param met null where no goal is set */
    public record Figure(String phase, String id, String what, String unit, Double p50, Double p95, Double value, String goal,
            Boolean met) {
    }

    /** A phase that did not run, and why. */
    public record Skipped(String phase, String why) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final boolean quick;
    private final Instant startedAt = Instant.now();

    public BenchResults(boolean quick) {
        this.quick = quick;
    }

    /** Adds p50/p95 of the samples; {@code goalP95} (ms) may be null. */
    public Figure timing(String phase, String id, String what, List<Double> millis, Double goalP95) {
        return timing(phase, id, what, millis, 95, goalP95);
    }

    /** Adds p50/p95 of the samples with a goal (ms, may be null) on the given percentile (50 or 95). */
    public synchronized Figure timing(String phase, String id, String what, List<Double> millis, int goalPercentile, Double goal) {
        double p50 = percentile(millis, 50);
        double p95 = percentile(millis, 95);
        double measured = goalPercentile == 50 ? p50 : p95;
        Figure figure = new Figure(phase, id, what, "ms", p50, p95, null,
                goal == null ? null : "p" + goalPercentile + " < " + goal + " ms", goal == null ? null : measured < goal);
        figures.add(figure);
        System.out.println(line(figure));
        return figure;
    }

    /** Adds one value; {@code goal} is a description and {@code met} whether it holds (both null without a goal). */
    public synchronized Figure value(String phase, String id, String what, String unit, double value, String goal, Boolean met) {
        Figure figure = new Figure(phase, id, what, unit, null, null, value, goal, met);
        figures.add(figure);
        System.out.println(line(figure));
        return figure;
    }

    public synchronized void skipped(String phase, String why) {
        skipped.add(new Skipped(phase, why));
        System.out.println(phase + " skipped: " + why);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public Figure find(String id) {
        return figures().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure " + id));
    }

    public static double percentile(List<Double> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        List<Double> values = new ArrayList<>(sorted);
        Collections.sort(values);
        return values.get(Math.max(0, (int) Math.ceil(values.size() * percentile / 100.0) - 1));
    }

    public void print(PrintStream out) {
        out.println();
        out.printf("%-5s %-62s %10s %10s %12s  %s%n", "phase", "what", "p50", "p95", "value", "goal");
        for (Figure figure : figures()) {
            out.println(line(figure));
        }
        skipped.forEach(s -> out.println(s.phase() + " skipped: " + s.why()));
    }

    private static String line(Figure f) {
        String goal = f.goal() == null ? "" : f.goal() + (f.met() ? ": met" : ": NOT met");
        return String.format("%-5s %-62s %10s %10s %12s  %s", f.phase(), f.what(), ms(f.p50()), ms(f.p95()),
                f.value() == null ? "" : number(f.value()) + " " + f.unit(), goal);
    }

    private static String ms(Double millis) {
        return millis == null ? "" : String.format("%.1f ms", millis);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    /** The JSON of docs/benchmarks.md: the machine, the date, the mode and every figure. */
    public ObjectNode json() {
        ObjectNode root = ChorusClient.JSON.createObjectNode();
        root.put("startedAt", startedAt.toString()).put("finishedAt", Instant.now().toString()).put("quick", quick);
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors())
                .put("memoryMiB", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024 * 1024))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        ArrayNode list = root.putArray("figures");
        for (Figure figure : figures()) {
            list.addPOJO(figure);
        }
        ArrayNode notRun = root.putArray("skipped");
        skipped.forEach(notRun::addPOJO);
        return root;
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, ChorusClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()) + "\n");
        return file;
    }
}
