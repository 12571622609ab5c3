package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;

/**
 * One error contract for every route: JSON {@code {error, parameter}} with the right 4xx, never a 5xx for
 * any input, never Tomcat's or Spring's own error page.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "weightscope.http.api.per-minute=100000",
            "weightscope.http.exposure.per-minute=100000"
        })
class ErrorContractTest extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, String type, String body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", type);
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode assertError(HttpResponse<String> r, int status, String parameter) throws Exception {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as(r.uri().toString())
                .startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asText()).as(r.uri().toString()).isNotBlank();
        if (parameter != null) assertThat(body.path("parameter").asText()).isEqualTo(parameter);
        return body;
    }

    static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void extremeDatesAre400NamingTheParameterNotAStoreFailure() throws Exception {
        for (String day : new String[] {
            "+10000-01-01", "-999999999-01-01", "+999999999-12-31", "1989-12-31", "2101-01-01", "0000-01-01"
        }) {
            assertError(get("/api/v1/adoption?from=" + q(day) + "&to=2026-08-31", null), 400, "from");
            assertError(get("/api/v1/adoption?from=2026-03-01&to=" + q(day), null), 400, "to");
            assertError(get("/api/v1/adoption?at=" + q(day), null), 400, "at");
            assertError(get("/api/v1/events?from=" + q(day), null), 400, "from");
            assertError(get("/api/v1/router-usage?day=" + q(day), null), 400, "day");
        }
        assertThat(get("/api/v1/router-usage?day=1990-01-01", null).statusCode())
                .isLessThan(500);
        assertThat(get("/api/v1/events?from=2100-12-31", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyExposureBodyIs400NotTryAgain() throws Exception {
        assertError(post("/api/v1/exposure", "text/csv", "", null), 400, null);
        assertError(post("/api/v1/exposure", "application/json", "", null), 400, null);
    }

    @Test
    void getErrorDirectlyIs404Json() throws Exception {
        assertError(get("/error", null), 404, null);
        assertError(get("/error", "text/html"), 404, null);
    }

    @Test
    void acceptTextCsvOnTheExposureEndpointGetsCsvAndItsErrorsGetJson() throws Exception {
        HttpResponse<String> csv =
                post("/api/v1/exposure", "text/csv", "model\nQwen/Qwen2.5-7B-Instruct\n", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("#");
        assertError(post("/api/v1/exposure", "text/csv", "", "text/csv"), 400, null);
        assertError(post("/api/v1/exposure?origin=XX", "text/csv", "model\na/b\n", "text/csv"), 400, "origin");
        HttpResponse<String> other = post("/api/v1/exposure", "text/csv", "model\na/b\n", "image/png");
        assertThat(other.statusCode())
                .as("an Accept without CSV gets the JSON report, not a 406")
                .isEqualTo(200);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    /** One origin rule for every endpoint: an ISO 3166-1 code (any case) or unattributed; "XX" is none. */
    @Test
    void everyEndpointRejectsTheSameOriginsWithTheSameWords() throws Exception {
        String events = assertError(get("/api/v1/events?origin=XX", null), 400, "origin")
                .path("error")
                .asText();
        String filter = assertError(get("/api/v1/adoption?filter.origin=XX", null), 400, "filter.origin")
                .path("error")
                .asText();
        assertThat(events).isEqualTo(filter).contains("'XX' is not an origin");
        assertThat(get("/api/v1/events?origin=cn", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/adoption?filter.origin=cn,Unattributed", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownParametersOnTheExposureEndpointAre400() throws Exception {
        assertError(post("/api/v1/exposure?orgin=CN", "text/csv", "model\na/b\n", null), 400, "orgin");
        assertError(post("/api/v1/exposure?format=pdf", "text/csv", "model\na/b\n", null), 400, "format");
    }

    @Test
    void backslashesAndEncodedSlashesInAModelPathGetJsonNotTomcatsPage() throws Exception {
        for (String raw : new String[] {
            "/api/v1/models/hf/Qwen%2FQwen2.5-7B-Instruct",
            "/api/v1/models/hf/Qwen\\Qwen2.5",
            "/api/v1/models/hf/Qwen%5CQwen2.5",
            "/api/v1/models/hf/%2e%2e%2f%2e%2e%2fetc",
            "/api/v1/models/hf/a%00b",
            "/api/v1/models/hf/a|b",
            "/api/v1/models/hf/a{b}",
            "/api/v1/models/hf/a b",
            "/feeds/x%2Fy.atom",
            "/api/v1/models/hf/" + "a".repeat(20_000)
        }) {
            RawHttp.Response r = RawHttp.get(port, raw);
            assertThat(r.status()).as(raw).isBetween(400, 499);
            assertThat(r.header("content-type")).as(raw).startsWith("application/json");
            assertThat(JSON.readTree(r.body()).path("error").asText()).as(raw).isNotBlank();
            assertThat(r.body()).doesNotContain("Tomcat", "<html");
        }
    }

    @Test
    void aMultipartBodyOverTheLimitGets413WithAJsonBody() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"i.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "a".repeat(7 * 1024 * 1024) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = post("/api/v1/exposure", "multipart/form-data; boundary=" + boundary, body, null);
        assertError(r, 413, null);
    }

    @Test
    void frameworkRefusalsKeepTheirStatusAndGetJson() throws Exception {
        assertError(get("/api/v1/nothing-here", null), 404, null);
        assertError(get("/feeds/nothing/here.atom", null), 404, null);
        assertError(get("/api/v1/adoption", "image/png"), 406, null);
        assertError(post("/api/v1/adoption", "application/json", "{}", null), 405, null);
        assertError(post("/api/v1/exposure", "application/x-www-form-urlencoded", "a=b", null), 415, null);
        assertError(post("/api/v1/exposure", "multipart/form-data; boundary=x", "--x\r\nbroken", null), 400, null);
    }
}
