package io.chorus.deploy;

import java.nio.file.Path;

/** One piece of the embedded platform: started, checked for readiness, stopped. */
interface Component {

    String name();

    /** Starts the component and returns once it is ready to serve. */
    void start() throws Exception;

    void stop();

    /** Stops it cleanly, as an operator would, so that it can be started again. */
    default void shutdown() {
        stop();
    }

    Path log();

    /** Whether its processes still run; false once it died (or was crashed) and until it is started again. */
    boolean alive();

    /** Kills its processes without letting them clean up, as kill -9 or a power cut would. */
    void crash() throws Exception;

    /** Process ids that belong to this component, for measuring memory. */
    default java.util.List<Long> pids() {
        return java.util.List.of();
    }
}
