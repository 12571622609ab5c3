package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.Browser;
import org.weightscope.IntegrationTest;

/**
 * In Chromium: the Vaadin views work under the Content-Security-Policy (no violation reported, components
 * render, the exposure upload works), the login form carries its CSRF token, and the real Vaadin upload
 * target refuses a body over the upload limit with the JSON 413.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weightscope.recordings.import-on-empty=false", "weightscope.admin.password=browser-admin"})
class SecurityBrowserTest extends IntegrationTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void open() {
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    static List<String> cspViolations(Page page) {
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                violations.add(m.text());
            }
        });
        return violations;
    }

    @Test
    void theViewsRenderUnderTheContentSecurityPolicy() {
        Page page = browser.newPage("en-GB");
        List<String> violations = cspViolations(page);
        for (String view : List.of("", "models", "explore", "methodology", "exposure", "login")) {
            page.navigate(url(view));
            page.waitForSelector("vaadin-app-layout, #login-form");
        }
        page.navigate(url("exposure"));
        page.waitForSelector("#inventory-upload");
        page.setInputFiles(
                "#inventory-upload input[type=file]",
                new com.microsoft.playwright.options.FilePayload(
                        "inventory.csv", "text/csv", "model\nQwen/Qwen2.5-7B-Instruct\n".getBytes()));
        page.waitForSelector("#exposure-report > *");
        assertThat(violations).as("CSP violations").isEmpty();
        Browser.screenshot(page, "exposure-under-csp");
    }

    @Test
    void theAdminLogsInThroughTheFormWithItsCsrfToken() {
        Page page = browser.newPage("en-GB");
        List<String> violations = cspViolations(page);
        page.navigate(url("admin"));
        page.waitForURL("**/login");
        page.locator("input[name='username']").fill("admin");
        page.locator("input[name='password']").fill("browser-admin");
        page.locator("input[name='password']").press("Enter");
        page.waitForSelector("#admin-sources");
        assertThat(violations).isEmpty();
    }

    @Test
    void theRealVaadinUploadTargetRefusesABodyOverTheLimitWithJson() {
        Page page = browser.newPage("en-GB");
        page.navigate(url("exposure"));
        page.waitForSelector("#inventory-upload");
        String target = (String) page.evaluate("document.querySelector('#inventory-upload').target");
        assertThat(target).isNotBlank();
        APIResponse r = page.request()
                .post(
                        target.startsWith("http") ? target : url(target.replaceFirst("^/", "")),
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/octet-stream")
                                .setData(new byte[7 * 1024 * 1024]));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        assertThat(r.text()).startsWith("{\"error\":");
    }
}
