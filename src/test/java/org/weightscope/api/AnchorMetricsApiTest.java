package org.weightscope.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.Adoption;

/**
 * The anchors' metrics over the recordings (imported at start-up), each recomputed here from the recorded files:
 * release days from {@code createdAt}, relations from the {@code base_model:<relation>:<id>} tags, downloads from
 * each model's newest capture in the window; only a base's origin is read from the API's model resource (the
 * attribution itself is tested in catalogue.RecordedAttributionTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnchorMetricsApiTest extends IntegrationTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    /** id → release day; id → the tags of its newest capture; day → id → 30-day downloads. */
    final Map<String, LocalDate> released = new HashMap<>();

    final Map<String, List<String>> tags = new HashMap<>();
    TreeMap<LocalDate, Map<String, Long>> captures;

    @BeforeAll
    void readRecordings() throws Exception {
        captures = AsOfApiTest.recordedCaptures();
        try (Stream<Path> files = Files.list(AsOfApiTest.HF)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = AsOfApiTest.DATED.matcher(f.getFileName().toString());
                if (!m.matches()) continue;
                JsonNode root = json.readTree(f.toFile());
                List<JsonNode> bodies = new ArrayList<>();
                if (root.isObject()) root.forEach(e -> bodies.add(e.path("repoData")));
                else root.forEach(bodies::add);
                for (JsonNode b : bodies) {
                    String id = b.path("id").asText();
                    if (b.hasNonNull("createdAt")) {
                        released.put(
                                id, LocalDate.parse(b.get("createdAt").asText().substring(0, 10)));
                    }
                    if (b.has("tags")) {
                        List<String> t = new ArrayList<>();
                        b.get("tags").forEach(x -> t.add(x.asText()));
                        tags.put(id, t); // files are read oldest first: the newest capture's tags win
                    }
                }
            }
        }
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /**
     * The relation the tags declare: merge if any base_model:merge: tag, else the first base_model:<rel>: tag's. A
     * model naming itself as its base (amphion/MaskGCT does) is not a derivative.
     */
    String relation(String id) {
        List<String> rels = tags.getOrDefault(id, List.of()).stream()
                .filter(t -> t.startsWith("base_model:") && t.split(":").length >= 3)
                .filter(t ->
                        !t.substring(t.indexOf(':', "base_model:".length()) + 1).equals(id))
                .map(t -> t.split(":")[1])
                .toList();
        if (rels.isEmpty()) return null;
        return rels.contains("merge") ? "merge" : rels.get(0);
    }

    List<String> releasedBetween(LocalDate from, LocalDate to) {
        return released.entrySet().stream()
                .filter(e -> !e.getValue().isBefore(from) && !e.getValue().isAfter(to))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    Map<String, Double> figures(JsonNode answer) {
        Map<String, Double> out = new TreeMap<>();
        answer.get("figures")
                .forEach(f -> out.put(f.get("key").asText(), f.get("value").asDouble()));
        return out;
    }

    /** Each model's credit by country in a view, from the API's model resource. */
    Map<String, Double> credit(String id, String view) throws Exception {
        JsonNode origin = get("/api/v1/models/hf/" + id + "?derivatives=0").at("/model/origin");
        Map<String, Double> out = new HashMap<>();
        if (view.equals("lineage")) {
            origin.get("lineageShares")
                    .forEach(s ->
                            out.merge(s.get("country").asText(), s.get("share").asDouble(), Double::sum));
        } else {
            int n = origin.get("uploader").size();
            origin.get("uploader").forEach(c -> out.merge(c.asText(), 1.0 / n, Double::sum));
        }
        return out;
    }

    @Test
    void derivativesByBaseOriginAndRelationAreTheRecordedTagsCounted() throws Exception {
        LocalDate day = LocalDate.of(2024, 12, 8);
        List<String> week = releasedBetween(day.minusDays(6), day).stream()
                .filter(id -> relation(id) != null)
                .toList();
        Map<String, Double> byRelation = new TreeMap<>();
        week.forEach(id -> byRelation.merge(relation(id), 1.0, Double::sum));
        for (String view : List.of("lineage", "uploader")) {
            Map<String, Double> byOrigin = new TreeMap<>();
            for (String id : week) credit(id, view).forEach((c, s) -> byOrigin.merge(c, s, Double::sum));
            byOrigin.replaceAll((c, v) -> Math.round(v * 100) / 100.0);
            JsonNode a = get("/api/v1/adoption?metric=derivatives&by=origin&view=" + view + "&at=" + day);
            System.out.printf(
                    "derivatives week to %s (%s view): %d (independent %d), by origin %s, by relation %s (independent %s)%n",
                    day, view, a.get("total").asLong(), week.size(), figures(a), a.get("relations"), byRelation);
            assertThat(a.get("total").asDouble()).isEqualTo(week.size());
            assertThat(figures(a)).isEqualTo(byOrigin);
            Map<String, Double> relations = new TreeMap<>();
            a.get("relations")
                    .properties()
                    .forEach(e -> relations.put(e.getKey(), e.getValue().asDouble()));
            assertThat(relations).isEqualTo(byRelation);
            double shares = 0;
            for (JsonNode f : a.get("figures")) shares += f.get("share").asDouble();
            assertThat(shares).isCloseTo(1.0, within(1e-9));
        }
        // a relation alone, and a base family by its root
        JsonNode quantised = get("/api/v1/adoption?metric=derivatives&relation=quantized&at=" + day);
        assertThat(quantised.get("total").asDouble()).isEqualTo(byRelation.getOrDefault("quantized", 0.0));
        long qwen = 0;
        for (String id : week) {
            JsonNode roots = get("/api/v1/models/hf/" + id + "?derivatives=0").at("/model/lineage/roots");
            boolean fromQwen = false;
            for (JsonNode r : roots)
                fromQwen |= r.asText().toLowerCase(Locale.ROOT).startsWith("qwen/");
            if (fromQwen) qwen++;
        }
        JsonNode family = get("/api/v1/adoption?metric=derivatives&base=Qwen/&at=" + day);
        System.out.printf("derivatives of Qwen/ roots, week to %s: %d of %d%n", day, qwen, week.size());
        assertThat(family.get("total").asDouble()).isEqualTo(qwen);
    }

    @Test
    void derivativesAndReleasesPerWeekAndMonthOverASeries() throws Exception {
        JsonNode weekly = get(
                "/api/v1/adoption?metric=derivatives&from=2024-10-01&to=2024-12-11&view=lineage&filter.hub=huggingface");
        for (JsonNode p : weekly.get("series")) {
            LocalDate d = LocalDate.parse(p.get("day").asText());
            long expected = releasedBetween(d.minusDays(6), d).stream()
                    .filter(id -> relation(id) != null)
                    .count();
            assertThat(p.get("total").asDouble()).as("derivatives week to " + d).isEqualTo(expected);
        }
        JsonNode monthly = get(
                "/api/v1/adoption?metric=derivatives&period=month&from=2024-09-01&to=2024-11-30&filter.hub=huggingface");
        List<String> months = new ArrayList<>();
        for (JsonNode p : monthly.get("series")) {
            LocalDate d = LocalDate.parse(p.get("day").asText());
            long expected = releasedBetween(d.withDayOfMonth(1), d).stream()
                    .filter(id -> relation(id) != null)
                    .count();
            months.add(d + "=" + p.get("total").asLong() + " " + p.get("relations"));
            assertThat(p.get("total").asDouble())
                    .as("derivatives month to " + d)
                    .isEqualTo(expected);
        }
        System.out.println("derivatives per month: " + months);
        JsonNode releases =
                get("/api/v1/adoption?metric=releases&from=2024-10-01&to=2024-12-11&filter.hub=huggingface");
        List<String> weeks = new ArrayList<>();
        for (JsonNode p : releases.get("series")) {
            LocalDate d = LocalDate.parse(p.get("day").asText());
            int expected = releasedBetween(d.minusDays(6), d).size();
            weeks.add(d + "=" + p.get("total").asLong());
            assertThat(p.get("total").asDouble()).as("releases week to " + d).isEqualTo(expected);
        }
        System.out.println("releases per week: " + weeks);
        // every hub (ModelScope's recorded LoRA listing adds 2025), and the share of Qwen-rooted derivatives by month
        JsonNode all = get("/api/v1/adoption?metric=derivatives&period=month&from=2024-06-01&to=2025-10-31");
        JsonNode qwen =
                get("/api/v1/adoption?metric=derivatives&period=month&from=2024-06-01&to=2025-10-31&base=qwen/");
        List<String> share = new ArrayList<>();
        for (int i = 0; i < all.get("series").size(); i++) {
            double n = all.get("series").get(i).get("total").asDouble();
            double q = qwen.get("series").get(i).get("total").asDouble();
            share.add(all.get("series").get(i).get("day").asText().substring(0, 7) + " " + (long) q + "/" + (long) n);
        }
        System.out.println("Qwen-rooted derivatives per month, all hubs: " + share);
    }

    @Test
    void releasesWeightedByTheirDownloadsThirtyDaysAfterRelease() throws Exception {
        for (LocalDate day : List.of(LocalDate.of(2024, 11, 3), LocalDate.of(2024, 11, 10))) {
            long expected = 0;
            int weighed = 0;
            for (String id : releasedBetween(day.minusDays(6), day)) {
                LocalDate at = released.get(id).plusDays(30);
                Long d = AsOfApiTest.counted(captures, at).get(id);
                if (d != null) {
                    expected += d;
                    weighed++;
                }
            }
            JsonNode a = get("/api/v1/adoption?metric=releases-weighted&at=" + day);
            System.out.printf(
                    "releases-weighted week to %s: %d from %d releases (independent %d from %d)%n",
                    day, a.get("total").asLong(), a.at("/coverage/models").asLong(), expected, weighed);
            assertThat(a.get("total").asLong()).isEqualTo(expected);
            assertThat(a.at("/coverage/models").asLong()).isEqualTo(weighed);
        }
    }

    @Test
    void concentrationIsHhiAndGiniOfTheDownloadsFigures() throws Exception {
        for (String by : List.of("organisation", "origin")) {
            for (LocalDate day : List.of(LocalDate.of(2024, 12, 8), LocalDate.of(2026, 8, 22))) {
                JsonNode d = get("/api/v1/adoption?metric=downloads-30d&top=1000&view=lineage&by=" + by + "&at=" + day);
                List<Double> values = new ArrayList<>();
                d.get("figures").forEach(f -> {
                    String k = f.get("key").asText();
                    if (!k.equals("unattributed")
                            && !k.equals("unknown")
                            && f.get("value").asDouble() > 0) {
                        values.add(f.get("value").asDouble());
                    }
                });
                double total = values.stream().mapToDouble(Double::doubleValue).sum();
                double hhi = values.stream()
                        .mapToDouble(v -> (v / total) * (v / total))
                        .sum();
                double pairs = 0;
                for (double x : values) for (double y : values) pairs += Math.abs(x - y);
                double gini = pairs / (2.0 * values.size() * values.size() * (total / values.size()));
                JsonNode answer = get("/api/v1/adoption?metric=concentration&view=lineage&by=" + by + "&at=" + day);
                Map<String, Double> c = figures(answer);
                System.out.printf(
                        "concentration by %s as of %s: %s (independent hhi %.4f gini %.4f over %d keys)%n",
                        by, day, c, hhi, gini, values.size());
                assertThat(c.get("hhi")).isCloseTo(hhi, within(0.00005));
                assertThat(c.get("gini")).isCloseTo(gini, within(0.00005));
                assertThat(answer.get("definition").asText()).contains("Over " + values.size() + " keys");
            }
        }
        JsonNode series = get("/api/v1/adoption?metric=concentration&by=origin&from=2024-11-18&to=2024-12-15");
        assertThat(series.get("series")).isNotEmpty();
    }

    @Test
    void firstYearDownloadsCountOnlyModelsInTheirFirstTwelveMonths() throws Exception {
        for (LocalDate day : List.of(LocalDate.of(2024, 12, 11), LocalDate.of(2024, 12, 2), LocalDate.of(2026, 3, 2))) {
            Map<String, Long> counted = AsOfApiTest.counted(captures, day);
            long all = counted.values().stream().mapToLong(Long::longValue).sum();
            long expected = counted.entrySet().stream()
                    .filter(e -> released.containsKey(e.getKey())
                            && !released.get(e.getKey()).isAfter(day)
                            && !released.get(e.getKey()).plusDays(365).isBefore(day))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            JsonNode a = get("/api/v1/adoption?metric=downloads-first-year&by=origin&view=lineage&at=" + day);
            System.out.printf(
                    "downloads-first-year as of %s: %d (independent %d; all downloads-30d %d)%n",
                    day, a.get("total").asLong(), expected, all);
            assertThat(a.get("total").asLong()).isEqualTo(expected);
        }
    }

    @Test
    void ggufAndOtherFlagsAreAShareBesideDownloads() throws Exception {
        LocalDate day = LocalDate.of(2026, 8, 22);
        Map<String, Long> counted = AsOfApiTest.counted(captures, day);
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        long gguf = counted.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).endsWith("-gguf")
                        || tags.getOrDefault(e.getKey(), List.of()).contains("gguf"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        JsonNode a = get("/api/v1/adoption?metric=downloads-30d&at=" + day);
        System.out.printf("flagged as of %s: %s (independent gguf %d of %d)%n", day, a.get("flagged"), gguf, total);
        assertThat(a.at("/flagged/by_flag/gguf-files").asDouble())
                .isCloseTo(Math.round(10_000.0 * gguf / total) / 10_000.0, within(1e-9));
        JsonNode model = get("/api/v1/model-metrics/hf/unsloth/Qwen3.8-27B-GGUF");
        assertThat(model.get("quality_flags").toString()).contains("gguf-files");
    }

    @Test
    void ramOfTheRecordedModelsWhoseHistoryAllowsIt() throws Exception {
        JsonNode list = get("/api/v1/adoption?metric=ram&at=2024-12-11&top=100");
        System.out.println("ram as of 2024-12-11: " + list.get("figures") + "; " + list.get("definition"));
        int withRam = 0;
        int checked = 0;
        for (String id : releasedBetween(LocalDate.of(2024, 11, 12), LocalDate.of(2024, 12, 11))) {
            JsonNode m = get("/api/v1/model-metrics/hf/" + id);
            for (JsonNode p : m.get("ram")) {
                // every point is a recorded 30-day count within 30 days of release, never an interpolated one
                LocalDate d = LocalDate.parse(p.get("day").asText());
                assertThat(p.get("t").asInt()).isLessThan(30);
                assertThat(captures.get(d).get(id)).isEqualTo(p.get("downloads").asLong());
                checked++;
                if (!p.get("ram").isNull()) withRam++;
            }
        }
        System.out.printf("ram on the recordings: %d points checked, %d with a cutoff%n", checked, withRam);
        assertThat(checked).isPositive();
    }

    @Test
    void openApiAndTheMetricsListNameEveryMetric() throws Exception {
        JsonNode api = get("/api/v1/openapi.json");
        JsonNode metric = null;
        for (JsonNode p : api.at("/paths/~1api~1v1~1adoption/get/parameters")) {
            if (p.get("name").asText().equals("metric")) metric = p;
        }
        assertThat(metric).isNotNull();
        List<String> listed = new ArrayList<>();
        metric.at("/schema/enum").forEach(e -> listed.add(e.asText()));
        List<String> all = java.util.Arrays.stream(Adoption.Metric.values())
                .map(Adoption.Metric::id)
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(all);
        JsonNode metrics = get("/api/v1/metrics");
        List<String> current = new ArrayList<>();
        metrics.get("metrics").forEach(m -> {
            if (m.get("current").asBoolean())
                current.add(m.get("id").asText() + " v" + m.get("version").asText());
        });
        System.out.println("metrics: " + current);
        assertThat(current).hasSize(all.size());
    }
}
