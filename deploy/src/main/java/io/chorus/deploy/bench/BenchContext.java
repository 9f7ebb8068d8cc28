package io.chorus.deploy.bench;

import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;

/** What every benchmark phase runs against: one embedded platform, a client with real tokens, the run's size. */
public record BenchContext(Platform platform, ChorusClient client, boolean quick) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + platform.settings().port(PlatformSettings.POSTGRES) + "/" + database;
    }

    /** {@code full} in a full run, {@code quick} with --quick. */
    public int size(int full, int quick) {
        return this.quick ? quick : full;
    }
}
