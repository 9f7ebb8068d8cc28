package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every block of shell commands in the README and in docs/ says whether CI runs it: the line before it is either
 * {@code <!-- runs in CI: .ci/run, .ci/demo-up -->}, naming CI scripts that hold each of its commands as written, or
 * {@code <!-- example: why CI does not run it -->}. A reader can tell what is proven from what is illustrated, and a
 * command edited in the docs but not in CI fails here.
 */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern SHELL_FENCE = Pattern.compile("^```(bash|sh|shell|console)\\b.*");
    private static final Pattern RUNS_IN_CI = Pattern.compile("^<!-- runs in CI: (.+) -->$");
    private static final Pattern EXAMPLE = Pattern.compile("^<!-- example: .+ -->$");

    record Block(Path file, int line, String marker, List<String> commands) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    @Test
    void everyShellBlockIsRunInCiAsWrittenOrMarkedAsAnExample() throws IOException {
        List<Block> blocks = blocks();
        assertTrue(blocks.size() >= 5, "shell blocks found: " + blocks.size());
        String ciRun = Files.readString(ROOT.resolve(".ci/run"));
        int runInCi = 0;
        for (Block block : blocks) {
            Matcher ci = RUNS_IN_CI.matcher(block.marker());
            if (EXAMPLE.matcher(block.marker()).matches()) {
                continue;
            }
            assertTrue(ci.matches(), block.where() + ": a shell block needs <!-- runs in CI: <scripts> --> or <!-- example: <why> --> "
                    + "on the line before it, found: " + block.marker());
            StringBuilder scripts = new StringBuilder();
            for (String name : ci.group(1).split(",\\s*")) {
                Path script = ROOT.resolve(name.trim());
                assertTrue(name.trim().startsWith(".ci/") && Files.isRegularFile(script), block.where() + ": no CI script " + name);
                assertTrue(name.trim().equals(".ci/run") || ciRun.contains(name.trim()), block.where() + ": .ci/run never runs " + name);
                scripts.append(Files.readString(script)).append('\n');
            }
            for (String command : block.commands()) {
                assertTrue(scripts.toString().contains(command), block.where() + ": CI does not run `" + command + "` as written");
            }
            runInCi++;
        }
        assertTrue(runInCi >= 1, "the README's two commands are run in CI");
    }

    @Test
    void theReadmesTwoCommandsAreTheOnesCiRuns() throws IOException {
        Block first = blocks().stream().filter(b -> b.file().endsWith("README.md")).findFirst().orElseThrow();
        assertEquals(List.of("./platform up --demo", "./mvnw -B verify"), first.commands());
        assertTrue(RUNS_IN_CI.matcher(first.marker()).matches(), first.marker());
    }

    private static List<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!SHELL_FENCE.matcher(lines.get(i)).matches()) {
                    continue;
                }
                int before = i - 1;
                while (before >= 0 && lines.get(before).isBlank()) {
                    before--;
                }
                List<String> commands = new ArrayList<>();
                int end = i + 1;
                for (; end < lines.size() && !lines.get(end).startsWith("```"); end++) {
                    String command = lines.get(end).replaceFirst("\\s+#.*$", "").strip();
                    if (!command.isEmpty() && !command.startsWith("#")) {
                        commands.add(command);
                    }
                }
                blocks.add(new Block(file, i + 1, before >= 0 ? lines.get(before).strip() : "", commands));
                i = end;
            }
        }
        return blocks;
    }
}
