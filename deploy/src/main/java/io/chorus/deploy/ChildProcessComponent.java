package io.chorus.deploy;

import java.nio.file.Path;
import java.util.List;

/** A component that runs as one child process with its log in the platform's log folder. */
abstract class ChildProcessComponent implements Component {

    protected final PlatformSettings settings;
    protected final ChildProcess process;
    private final String name;

    ChildProcessComponent(String name, PlatformSettings settings) {
        this.name = name;
        this.settings = settings;
        this.process = new ChildProcess(name, log());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path log() {
        return settings.logDir().resolve(name + ".log");
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public void shutdown() {
        process.terminate();
    }

    @Override
    public boolean alive() {
        return process.alive();
    }

    @Override
    public void crash() throws InterruptedException {
        process.crash();
    }

    @Override
    public List<Long> pids() {
        return process.pids();
    }
}
