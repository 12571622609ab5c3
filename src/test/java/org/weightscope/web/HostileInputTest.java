package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;

/**
 * Every string of the hostile corpus ({@code src/test/resources/hostile/strings.txt}, 500+ entries, plus
 * control characters) through every public parameter, parameter name and path segment of {@code /api/v1/**}
 * and {@code /feeds/**}, percent-encoded (so it arrives as it is) and, for paths, raw over a socket (so
 * Tomcat sees it as it is): no answer is a 5xx, and every error is the JSON {@code {"error"}} body.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false", "weightscope.http.api.per-minute=10000000",
            "weightscope.http.api.concurrent-per-client=64", "weightscope.http.exposure.per-minute=10000000",
            "weightscope.http.exposure.concurrent-per-client=16", "weightscope.http.exposure.concurrent=16"
        })
class HostileInputTest extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();

    static List<String> corpus() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/strings.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty() && !line.startsWith("# ")) lines.add(line);
            }
            for (char c : new char[] {0, 1, 7, 8, 10, 13, 27, 127, 0x85, 0xD800, 0xDFFF, 0xFFFE}) {
                lines.add("a" + c + "b");
            }
            lines.add("a\r\nSet-Cookie: x=y");
            lines.add("");
            return lines;
        }
    }

    /** Percent-encodes every byte outside the unreserved set: the server decodes it back to the string. */
    static String enc(String v) {
        StringBuilder out = new StringBuilder();
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    void check(String what, int status, String contentType, String body) {
        requests.incrementAndGet();
        if (status >= 500 || status < 100) {
            failures.add(status + " " + what + " " + body.substring(0, Math.min(200, body.length())));
            return;
        }
        if (status >= 400) {
            try {
                JsonNode json = JSON.readTree(body);
                if (contentType == null || !contentType.startsWith("application/json") || !json.hasNonNull("error")) {
                    failures.add(status + " not a JSON error: " + what + " " + contentType + " " + body);
                }
            } catch (IOException e) {
                failures.add(status + " not JSON: " + what + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
    }

    void send(HttpRequest request, String what) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            check(what, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException | InterruptedException e) {
            failures.add("no answer: " + what + " " + e);
        }
    }

    void get(String pathAndQuery) {
        send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .build(),
                pathAndQuery);
    }

    void raw(String target) {
        try {
            RawHttp.Response r = RawHttp.get(port, target);
            check("raw " + target, r.status(), r.header("content-type"), r.body());
        } catch (IOException e) {
            failures.add("no answer: raw " + target + " " + e);
        }
    }

    /** Every query parameter of every public GET endpoint, with the others at valid values. */
    static final String[][] PARAMETERS = {
        {
            "/api/v1/adoption",
            "metric",
            "by",
            "view",
            "top",
            "at",
            "from",
            "to",
            "sample",
            "format",
            "filter.origin",
            "filter.organisation",
            "filter.sector",
            "filter.hardware-class",
            "filter.licence-class",
            "filter.hub"
        },
        {"/api/v1/models", "q", "view", "from", "size", "format", "filter.origin", "filter.hub"},
        {"/api/v1/models/hf/Qwen/Qwen2.5-7B-Instruct", "derivatives", "format"},
        {"/api/v1/events", "type", "origin", "view", "hub", "from", "size", "format"},
        {"/api/v1/router-usage", "day", "view", "window", "format"},
        {"/feeds/releases.atom", "origin", "view"},
        {"/feeds/licence-changes.atom", "origin", "view"},
        {"/api/v1/openapi.json"},
        {"/api/v1/metrics"},
    };

    @Test
    void noHostileStringGetsA5xxOrANonJsonErrorAnywhere() throws Exception {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        List<Runnable> work = new ArrayList<>();
        for (String s : corpus) {
            String e = enc(s);
            for (String[] endpoint : PARAMETERS) {
                for (int i = 1; i < endpoint.length; i++) {
                    String p = endpoint[i];
                    work.add(() -> get(endpoint[0] + "?" + p + "=" + e));
                }
                work.add(() -> get(endpoint[0] + "?" + e + "=1"));
                work.add(() -> get(endpoint[0] + "?filter." + e + "=CN"));
            }
            work.add(() -> get("/api/v1/adoption?from=2026-03-01&to=" + e));
            work.add(() -> get("/api/v1/adoption?from=2026-03-01&to=2026-08-31&sample=" + e));
            work.add(() -> get("/api/v1/adoption?metric=models&by=hub&filter.hub=" + e));
            // path segments: hub, repo id (one and two segments), feed type, watchlist id
            work.add(() -> get("/api/v1/models/" + e + "/Qwen/Qwen2.5-7B-Instruct"));
            work.add(() -> get("/api/v1/models/hf/" + e));
            work.add(() -> get("/api/v1/models/hf/Qwen/" + e));
            work.add(() -> get("/api/v1/models/ollama/" + e));
            work.add(() -> get("/feeds/" + e + ".atom"));
            work.add(() -> get("/feeds/watchlists/" + e + ".atom"));
            work.add(() -> get("/api/v1/" + e));
            // the same path segments raw, as Tomcat receives them (spaces and line breaks end the target: encoded)
            String r = s.replace("%", "%25")
                    .replace(" ", "%20")
                    .replace("\r", "%0D")
                    .replace("\n", "%0A")
                    .replace("#", "%23")
                    .replace("?", "%3F");
            work.add(() -> raw("/api/v1/models/hf/" + r));
            work.add(() -> raw("/api/v1/models/" + r + "/x"));
            work.add(() -> raw("/feeds/" + r + ".atom"));
            work.add(() -> raw("/api/v1/events?type=" + r));
            // exposure: the string as a parameter, as a CSV row, as the whole body, as a CycloneDX component
            work.add(() -> exposure("?origin=" + e, "text/csv", "model\nQwen/Qwen2.5-7B-Instruct\n"));
            work.add(() -> exposure("?format=" + e, "text/csv", "model\nQwen/Qwen2.5-7B-Instruct\n"));
            work.add(() -> exposure(
                    "",
                    "text/csv",
                    "model,business_unit,weight\n" + csvCell(s) + "," + csvCell(s) + "," + csvCell(s) + "\n"));
            work.add(() -> exposure("", "application/json", s));
            work.add(() -> exposure(
                    "",
                    "application/vnd.cyclonedx+json",
                    "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                            + "\"components\":[{\"type\":\"machine-learning-model\",\"name\":" + jsonString(s)
                            + "}]}"));
            if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                work.add(() -> send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/adoption"))
                                .header("Accept", s)
                                .build(),
                        "Accept: " + s));
            }
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable w : work) done.add(pool.submit(w));
            for (Future<?> f : done) f.get();
        }
        System.out.printf("hostile corpus: %d strings, %d requests%n", corpus.size(), requests.get());
        assertThat(failures).as("answers that are a 5xx or not a JSON error").isEmpty();
    }

    void exposure(String query, String type, String body) {
        send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exposure" + query))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", type)
                        .build(),
                "POST /api/v1/exposure" + query + " " + type + " " + body.substring(0, Math.min(80, body.length())));
    }

    static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
