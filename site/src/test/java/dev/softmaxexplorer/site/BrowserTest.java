package dev.softmaxexplorer.site;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One headless Chromium for the test class, started before its first test and closed after its last. */
abstract class BrowserTest {
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        browser.close();
    }
}
