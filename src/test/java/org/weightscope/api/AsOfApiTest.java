package org.weightscope.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;

/**
 * The as-of rule over the recordings (imported at start-up as dated history), checked against a count made
 * here straight from the recorded files: as of D, each model's newest capture within the 7 days ending at D,
 * never an older one; a day with no capture in its window answers no figures; every series point says what it
 * was computed over, and weeks without captures are gaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class AsOfApiTest extends IntegrationTest {

    static final Path HF = Path.of("crawlers/fixtures/huggingface");
    static final Pattern DATED =
            Pattern.compile("api-(models|trending|models-id-full)_.*?(\\d{4}-\\d{2}-\\d{2})\\.json");
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.weightscope.catalogue.CatalogueService catalogue;

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** Day → (model id → 30-day downloads) of every recorded Hugging Face capture that carries a count. */
    static TreeMap<LocalDate, Map<String, Long>> recordedCaptures() throws Exception {
        TreeMap<LocalDate, Map<String, Long>> out = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(HF)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = DATED.matcher(f.getFileName().toString());
                if (!m.matches()) continue;
                Map<String, Long> day = out.computeIfAbsent(LocalDate.parse(m.group(2)), d -> new HashMap<>());
                JsonNode root = json.readTree(f.toFile());
                List<JsonNode> bodies = new java.util.ArrayList<>();
                if (root.isObject()) {
                    root.forEach(e -> bodies.add(e.path("repoData")));
                } else {
                    root.forEach(bodies::add);
                }
                for (JsonNode b : bodies) {
                    if (b.hasNonNull("id") && b.hasNonNull("downloads")) {
                        day.put(b.get("id").asText(), b.get("downloads").asLong());
                    }
                }
            }
        }
        return out;
    }

    /** The rule computed independently: each model's newest capture in [at − 6, at]. */
    static Map<String, Long> counted(TreeMap<LocalDate, Map<String, Long>> captures, LocalDate at) {
        Map<String, Long> newest = new HashMap<>();
        captures.subMap(at.minusDays(6), true, at, true).forEach((day, models) -> newest.putAll(models));
        return newest;
    }

    @Test
    void totalIsEachModelsNewestCaptureWithinTheWindow() throws Exception {
        TreeMap<LocalDate, Map<String, Long>> captures = recordedCaptures();
        LocalDate newest = captures.lastKey();
        Map<String, Long> expected = counted(captures, newest);
        long expectedTotal =
                expected.values().stream().mapToLong(Long::longValue).sum();
        long everKnown = captures.headMap(newest, true).values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .count();

        JsonNode body = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage");
        System.out.printf(
                "as of %s: %d models, total %d (independent: %d models, %d); coverage %s%n",
                body.get("as_of").asText(),
                body.at("/coverage/models").asLong(),
                body.get("total").asLong(),
                expected.size(),
                expectedTotal,
                body.get("coverage"));
        assertThat(body.get("as_of").asText()).isEqualTo(newest.toString());
        JsonNode c = body.get("coverage");
        assertThat(c.fieldNames())
                .toIterable()
                .contains(
                        "models",
                        "downloads",
                        "captured_from",
                        "captured_to",
                        "freshness_days",
                        "left_out_stale",
                        "capture_kinds");
        assertThat(c.get("models").asLong()).isEqualTo(expected.size());
        assertThat(c.get("downloads").asLong()).isEqualTo(expectedTotal);
        assertThat(body.get("total").asLong()).isEqualTo(expectedTotal);
        assertThat(c.get("freshness_days").asInt()).isEqualTo(7);
        assertThat(c.get("captured_to").asText()).isEqualTo(newest.toString());
        LocalDate from =
                captures.subMap(newest.minusDays(6), true, newest, true).firstKey();
        assertThat(c.get("captured_from").asText()).isEqualTo(from.toString());
        assertThat(c.get("left_out_stale").asLong()).isEqualTo(everKnown - expected.size());
        assertThat(c.get("capture_kinds").get(0).asText()).isEqualTo("trending-list");
        // a sample this small is flagged, and so is one model holding most of the total
        assertThat(c.get("thin").asBoolean()).isTrue();
        assertThat(body.get("warnings").toString()).contains("thin sample");
        String top = expected.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(c.get("top_model").asText()).isEqualTo("hf:" + top);
        assertThat(c.get("top_share").asDouble())
                .isCloseTo((double) expected.get(top) / expectedTotal, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(body.get("citation").asText())
                .startsWith("Source: Weightscope, as of " + newest + " (" + expected.size() + " models captured " + from
                        + " to " + newest + ", trending-list");

        // at= the same day answers the same; the uploader view counts the same models
        JsonNode same = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&at=" + newest);
        assertThat(same.get("figures")).isEqualTo(body.get("figures"));
        assertThat(same.get("coverage")).isEqualTo(body.get("coverage"));
        JsonNode uploader = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=uploader&at=" + newest);
        assertThat(uploader.get("total").asLong()).isEqualTo(expectedTotal);

        // an earlier day: its own window, never a capture from after it
        LocalDate december = LocalDate.of(2024, 12, 11);
        Map<String, Long> dec = counted(captures, december);
        JsonNode then = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&at=" + december);
        assertThat(then.at("/coverage/models").asLong()).isEqualTo(dec.size());
        assertThat(then.get("total").asLong())
                .isEqualTo(dec.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void earlierMetricVersionsStayResolvable() throws Exception {
        JsonNode body = get("/api/v1/metrics");
        assertThat(body.get("metrics").toString())
                .contains("\"id\":\"downloads-30d\",\"version\":\"2\",\"current\":true")
                .contains("\"id\":\"downloads-30d\",\"version\":\"1\",\"current\":false");
        assertThat(body.get("freshness_days").asInt()).isEqualTo(7);
    }

    @Test
    void aDayWithNoCaptureInItsWindowAnswersNoFigures() throws Exception {
        JsonNode body = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&at=2025-06-15");
        assertThat(body.get("as_of").asText()).isEqualTo("2025-06-15");
        assertThat(body.at("/coverage/models").asLong()).isZero();
        assertThat(body.get("figures")).isEmpty();
        assertThat(body.get("total").asDouble()).isZero();
        assertThat(body.at("/coverage/left_out_stale").asLong()).isPositive();
        assertThat(body.get("warnings").toString()).contains("no data");
    }

    @Test
    void everySeriesPointCarriesItsCoverageAndEmptyWeeksAreGaps() throws Exception {
        TreeMap<LocalDate, Map<String, Long>> captures = recordedCaptures();
        JsonNode body =
                get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&from=2024-11-18&to=2026-08-22");
        JsonNode series = body.get("series");
        assertThat(series.size()).isGreaterThan(90);
        int gaps = 0;
        for (JsonNode p : series) {
            LocalDate day = LocalDate.parse(p.get("day").asText());
            assertThat(p.has("coverage")).isTrue();
            Map<String, Long> expected = counted(captures, day);
            assertThat(p.at("/coverage/models").asLong())
                    .as("models as of " + day)
                    .isEqualTo(expected.size());
            assertThat(p.get("total").asLong())
                    .as("total as of " + day)
                    .isEqualTo(expected.values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
            if (expected.isEmpty()) {
                gaps++;
                assertThat(p.get("figures")).isEmpty();
            }
        }
        // nothing was recorded between 2024-12-11 and 2026-03-02: those weeks are gaps, not zeros
        assertThat(gaps).isGreaterThan(60);
        assertThat(body.get("sample").asText()).isEqualTo("all");
        assertThat(body.get("sample_changes").asBoolean()).isTrue();

        JsonNode constant = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&from=2026-03-01"
                + "&to=2026-08-22&sample=constant");
        assertThat(constant.get("sample").asText()).isEqualTo("constant");
        assertThat(constant.get("series"))
                .allSatisfy(p -> assertThat(p.has("coverage")).isTrue());
    }

    /**
     * A constant sample recomputed here from the recorded files: the models counted in every week with data, and
     * each week's total over them only. Three weeks whose sets differ (the app reads the points' model ids) and one
     * week alone (the cube's fingerprints show the set cannot change: no id search).
     */
    @Test
    void aConstantSampleKeepsOnlyTheModelsOfEveryWeekWithData() throws Exception {
        TreeMap<LocalDate, Map<String, Long>> captures = recordedCaptures();
        for (String range : List.of("from=2026-06-29&to=2026-07-19", "from=2026-08-17&to=2026-08-22")) {
            JsonNode body =
                    get("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&" + range + "&sample=constant");
            java.util.Set<String> common = null;
            int withData = 0;
            for (JsonNode p : body.get("series")) {
                Map<String, Long> counted =
                        counted(captures, LocalDate.parse(p.get("day").asText()));
                if (counted.isEmpty()) continue;
                withData++;
                if (common == null) common = new java.util.HashSet<>(counted.keySet());
                else common.retainAll(counted.keySet());
            }
            assertThat(common).as(range).isNotEmpty();
            assertThat(body.get("sample").asText()).as(range).isEqualTo("constant");
            assertThat(body.get("sample_changes").asBoolean()).as(range).isEqualTo(withData > 1);
            assertThat(body.get("sample_models").asInt()).as(range).isEqualTo(common.size());
            for (JsonNode p : body.get("series")) {
                Map<String, Long> counted =
                        counted(captures, LocalDate.parse(p.get("day").asText()));
                String what = range + ", point " + p.get("day").asText();
                if (counted.isEmpty()) {
                    assertThat(p.get("figures")).as(what).isEmpty();
                    continue;
                }
                long expected = common.stream().mapToLong(counted::get).sum();
                assertThat(p.at("/coverage/models").asLong()).as(what).isEqualTo(common.size());
                assertThat(p.get("total").asLong()).as(what).isEqualTo(expected);
            }
        }
    }

    /**
     * What v1 said and why it changed: v1 summed every model's newest capture whatever its date. Recomputed here
     * from the stored latest state; printed beside v2's answer for the same day (the closing note quotes both).
     */
    @Test
    void theV1RuleMixedCapturesYearsApart() throws Exception {
        var models = catalogue.modelsOfHub("huggingface").stream()
                .filter(m -> m.figures().downloads30d() != null)
                .toList();
        double total =
                models.stream().mapToDouble(m -> m.figures().downloads30d()).sum();
        double before2025 = models.stream()
                .filter(m -> m.asOf().isBefore(java.time.Instant.parse("2025-01-01T00:00:00Z")))
                .mapToDouble(m -> m.figures().downloads30d())
                .sum();
        System.out.printf(
                "v1 'as of 2026-08-22': %d models, %.0f downloads, %.1f %% of them from captures before 2025%n",
                models.size(), total, 100 * before2025 / total);
        assertThat(before2025 / total).isGreaterThan(0.8);
        for (String view : List.of("uploader", "lineage")) {
            Map<String, Double> v1 = new TreeMap<>();
            models.forEach(m -> m.originCredit().stream()
                    .filter(c -> c.view().equals(view))
                    .forEach(c -> v1.merge(c.country(), c.downloads30d() / total, Double::sum)));
            JsonNode v2 = get("/api/v1/adoption?metric=downloads-30d&by=origin&view=" + view);
            StringBuilder line = new StringBuilder();
            v2.get("figures")
                    .forEach(f -> line.append(String.format(
                            " %s %.1f%%",
                            f.get("key").asText(), 100 * f.get("share").asDouble())));
            System.out.printf("%s view, v1 (every model's newest capture): %s%n", view, top(v1));
            System.out.printf(
                    "%s view, v2 (as of %s, %s):%s%n",
                    view, v2.get("as_of").asText(), v2.at("/coverage/models").asText() + " models", line);
        }
    }

    private static String top(Map<String, Double> shares) {
        StringBuilder out = new StringBuilder();
        shares.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(8)
                .forEach(e -> out.append(String.format(" %s %.1f%%", e.getKey(), 100 * e.getValue())));
        return out.toString();
    }
}
