package io.chorus.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Disclosure control for site staff: how many other sites a figure must aggregate before they see it. */
@ConfigMapping(prefix = "chorus.reporting")
public interface DisclosureConfig {

    @WithDefault("3")
    int minSitesForOthers();
}
