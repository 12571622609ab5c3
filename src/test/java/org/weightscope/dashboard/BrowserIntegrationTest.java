package org.weightscope.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.Browser;
import org.weightscope.IntegrationTest;

/** A browser test class: one Chromium for the class, the app on its random port. */
abstract class BrowserIntegrationTest extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
