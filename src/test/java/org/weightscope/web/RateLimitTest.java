package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;

/** Per-client fairness on the expensive public endpoints: over the limit, 429 with Retry-After and the JSON error. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "weightscope.http.exposure.per-minute=3",
            "weightscope.http.api.per-minute=20"
        })
class RateLimitTest extends IntegrationTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> exposure() throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exposure"))
                        .POST(HttpRequest.BodyPublishers.ofString("model\nQwen/Qwen2.5-7B-Instruct\n"))
                        .header("Content-Type", "text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theExposureEndpointAllowsItsBudgetPerClientThen429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(exposure().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = exposure();
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(refused.body()).startsWith("{\"error\":\"too many requests");
    }

    @Test
    void theReadApiHasItsOwnLargerBudget() throws Exception {
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events?size=1"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            } else {
                ok++;
            }
        }
        assertThat(ok).isBetween(19, 21);
        assertThat(refused).isGreaterThanOrEqualTo(4);
    }
}
