package io.chorus.deploy;

import java.nio.file.Path;

/** One piece of the embedded platform: started, checked for readiness, stopped. */
interface Component {

    String name();

    /** Starts the component and returns once it is ready to serve. */
    void start() throws Exception;

    void stop();

    Path log();

    /** Process ids that belong to this component, for measuring memory. */
    default java.util.List<Long> pids() {
        return java.util.List.of();
    }
}
