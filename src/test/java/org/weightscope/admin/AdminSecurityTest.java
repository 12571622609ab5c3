package org.weightscope.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.IntegrationTest;

/**
 * Anonymous callers: the admin REST actions answer 401, the admin views redirect to the login view, and
 * the public API, feeds and views are reached without login. The admin password (given as
 * WEIGHTSCOPE_ADMIN_PASSWORD would be) works over HTTP Basic and is stored only as a bcrypt hash.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false", "vaadin.productionMode=true",
            "weightscope.admin.password=correct horse battery", "weightscope.http.login.free-failures=1000"
        })
class AdminSecurityTest extends IntegrationTest {

    static final Path DATA = org.weightscope.TestElasticsearch.newDataDir("weightscope-admin");

    @DynamicPropertySource
    static void data(DynamicPropertyRegistry registry) {
        registry.add("weightscope.data-dir", DATA::toString);
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
    }

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(String method, String path, String basic) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        return http.send(org.weightscope.AdminHttp.authorize(b, basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminActionsRefuseAnonymousAndWrongPasswords() throws Exception {
        for (String path : new String[] {
            "/api/admin/reattribution",
            "/api/admin/sources/huggingface/run?scope=tracked",
            "/api/admin/sources/huggingface/pause",
            "/api/admin/sources/huggingface/resume",
            "/api/admin/watchlists",
            "/api/admin/watchlists/x/delete",
            "/api/admin/exposure-reports",
            "/api/admin/exposure-reports/x/delete"
        }) {
            assertThat(send("POST", path, null).statusCode())
                    .as("anonymous POST " + path)
                    .isEqualTo(401);
            assertThat(send("POST", path, "admin:wrong").statusCode())
                    .as("wrong password POST " + path)
                    .isEqualTo(401);
        }
        assertThat(send("GET", "/api/admin/watchlists", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/admin/sources", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminPasswordOpensTheAdminApiWithoutCsrfToken() throws Exception {
        HttpResponse<String> r = send("POST", "/api/admin/reattribution", "admin:correct horse battery");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ruleVersion");
        HttpResponse<String> sources = send("GET", "/api/admin/sources", "admin:correct horse battery");
        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(sources.body()).contains("\"sourceId\":\"huggingface\"");
        // scheduling is off in tests: pausing says so instead of pretending
        assertThat(send("POST", "/api/admin/sources/huggingface/pause", "admin:correct horse battery")
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("POST", "/api/admin/watchlists", "admin:correct horse battery")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void adminViewsRedirectAnonymousUsersToTheLoginView() throws Exception {
        for (String path : new String[] {"/admin", "/admin/alerts", "/admin/watchlists", "/admin/exposure-reports"}) {
            HttpResponse<String> r = send("GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/login");
        }
    }

    @Test
    void publicApiFeedsAndViewsNeedNoLogin() throws Exception {
        assertThat(send("GET", "/api/v1/models?size=1", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
        // the public POST needs neither login nor a CSRF token (400: no inventory sent, not 401/403)
        assertThat(send("POST", "/api/v1/exposure", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/feeds/watchlists/unknown.atom", null).statusCode())
                .isEqualTo(404);
        for (String path : new String[] {
            "/",
            "/explore",
            "/models",
            "/models/huggingface/Qwen/Qwen2.5-7B-Instruct",
            "/organisations",
            "/methodology",
            "/exposure",
            "/crawls",
            "/login"
        }) {
            HttpResponse<String> r = send("GET", path, null);
            assertThat(r.statusCode())
                    .as(path + " → " + r.headers().firstValue("Location").orElse(""))
                    .isNotIn(401, 403, 302);
        }
    }

    @Test
    void theAdminPasswordIsStoredOnlyAsABcryptHash() throws Exception {
        String stored = Files.readString(DATA.resolve(AdminPassword.FILE)).strip();
        assertThat(stored).startsWith("$2").doesNotContain("correct horse battery");
    }
}
