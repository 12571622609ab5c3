package org.weightscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** A JSON answer of the app, fetched without a session ({@code path} with or without its leading '/'). */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path.startsWith("/") ? path.substring(1) : path)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
