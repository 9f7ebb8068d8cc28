package io.chorus.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A browser test class: the shared embedded platform, a client for its own data, and one Chromium for the class. */
@ExtendWith(EmbeddedPlatform.class)
abstract class StudioBrowserTest {

    final ChorusClient client = EmbeddedPlatform.client();
    static StudioBrowser browser;

    @BeforeAll
    static void launch() {
        browser = new StudioBrowser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }
}
