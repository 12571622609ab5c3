package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.IntegrationTest;
import org.weightscope.TestRegistry;
import org.weightscope.shared.HubFigures;

/**
 * Shares of 30-day downloads by origin over one recorded list page (the 50 models of
 * api-models_limit50_trending_2024-12-09.json), in both views, against numbers computed independently here
 * from the page and the registry file; then a registry edit re-applied without a crawl.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdoptionServiceTest extends IntegrationTest {

    static final Path PAGE = Path.of("crawlers/fixtures/huggingface/api-models_limit50_trending_2024-12-09.json");
    static final Path REGISTRY = TestRegistry.copy();

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("weightscope.attribution.registry-dir", REGISTRY::toString);
    }

    @Autowired
    CatalogueService catalogue;

    @Autowired
    AdoptionService adoption;

    @Autowired
    CatalogueHistory history;

    @Autowired
    Reattribution reattribution;

    static JsonNode page;

    @Test
    @Order(1)
    void sharesByOriginInBothViewsMatchAnIndependentCount() throws Exception {
        page = new ObjectMapper().readTree(PAGE.toFile());
        List<CatalogueService.Observation> batch = new ArrayList<>();
        for (JsonNode item : page) {
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> tags.add(t.asText()));
            ModelFacts facts = Fixtures.listing(
                    item.get("id").asText(),
                    null,
                    item.path("pipeline_tag").asText(null),
                    item.path("library_name").asText(null),
                    tags);
            batch.add(new CatalogueService.Observation(
                    facts,
                    new HubFigures(
                            null,
                            null,
                            null,
                            null,
                            item.get("downloads").asLong(),
                            null,
                            item.get("likes").asLong()),
                    Instant.parse("2024-12-09T00:00:00Z"),
                    true,
                    "recording:" + PAGE.getFileName()));
        }
        history.apply(batch, java.time.LocalDate.of(2024, 12, 9), "adoption-test");
        history.refresh();

        Map<String, Set<String>> countries = namespaceCountries(REGISTRY.resolve("organizations.yaml"));
        Map<String, Double> uploaderExpected = new TreeMap<>();
        Map<String, Double> lineageExpected = new TreeMap<>();
        Map<String, JsonNode> byId = new HashMap<>();
        page.forEach(item -> byId.put(item.get("id").asText(), item));
        double total = 0;
        for (JsonNode item : page) {
            long downloads = item.get("downloads").asLong();
            total += downloads;
            credit(uploaderExpected, countriesOf(item.get("id").asText(), countries), downloads);
            Set<String> roots = roots(item.get("id").asText(), byId, new LinkedHashSet<>());
            for (String root : roots) {
                credit(lineageExpected, countriesOf(root, countries), (double) downloads / roots.size());
            }
        }

        Adoption uploader = adoption.asOf(new Adoption.Query(
                Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER, Map.of(), 300));
        Adoption lineage = adoption.asOf(new Adoption.Query(
                Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE, Map.of(), 300));
        print("uploader", uploader, uploaderExpected, total);
        print("lineage", lineage, lineageExpected, total);

        assertThat(uploader.total()).isCloseTo(total, within(0.5));
        assertThat(lineage.total()).isCloseTo(total, within(0.5));
        assertThat(values(uploader)).containsOnlyKeys(uploaderExpected.keySet());
        assertThat(values(lineage)).containsOnlyKeys(lineageExpected.keySet());
        uploaderExpected.forEach((k, v) ->
                assertThat(values(uploader).get(k)).as("uploader " + k).isCloseTo(v, within(0.5)));
        lineageExpected.forEach(
                (k, v) -> assertThat(values(lineage).get(k)).as("lineage " + k).isCloseTo(v, within(0.5)));
        // the two views really differ on this page (re-uploads and fine-tunes credited to their roots)
        assertThat(values(lineage)).isNotEqualTo(values(uploader));
        assertThat(uploader.asOf()).isEqualTo(Instant.parse("2024-12-09T00:00:00Z"));
        assertThat(uploader.at()).isEqualTo(java.time.LocalDate.of(2024, 12, 9));
        assertThat(uploader.coverage().models()).isEqualTo(page.size());
        assertThat(uploader.coverage().downloads()).isEqualTo(Math.round(total));
        assertThat(uploader.ruleVersion()).startsWith("attribution-2/rules-");
    }

    @Test
    @Order(2)
    void aRegistryEditIsReappliedWithoutACrawl() throws Exception {
        String id = "hf:Qwen/Qwen2.5-Coder-32B-Instruct";
        assertThat(catalogue.findAll(List.of(id)).get(id).attribution().uploaderOrigin())
                .containsExactly("CN");
        String before = adoption.asOf(Adoption.Query.of(
                        Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER))
                .ruleVersion();

        Path file = REGISTRY.resolve("organizations.yaml");
        String yaml = Files.readString(file);
        String qwen = yaml.substring(yaml.indexOf("  - id: alibaba-qwen"));
        qwen = qwen.substring(0, qwen.indexOf("\n\n"));
        String edited = qwen.replace("countries: [CN]", "countries: [SG]")
                .replace("CN: https://en.wikipedia.org/wiki/Qwen", "SG: https://example.org/constructed-test-evidence");
        Files.writeString(file, yaml.replace(qwen, edited));

        Reattribution.Result result = reattribution.reapply();

        assertThat(result.models()).isEqualTo(50);
        assertThat(result.changed()).isGreaterThanOrEqualTo(4); // the Qwen models and their derivatives
        assertThat(catalogue.findAll(List.of(id)).get(id).attribution().uploaderOrigin())
                .containsExactly("SG");
        assertThat(result.ruleVersion()).isNotEqualTo(before);
        Adoption after = adoption.asOf(
                Adoption.Query.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER));
        assertThat(values(after)).containsKey("SG");
        assertThat(after.ruleVersion()).isEqualTo(result.ruleVersion());
    }

    // --- the independent computation: straight from the page's tags and the registry file ---

    private static Set<String> roots(String id, Map<String, JsonNode> page, Set<String> seen) {
        if (!seen.add(id)) {
            return Set.of();
        }
        JsonNode item = page.get(id);
        if (item == null) {
            return Set.of(id); // a parent outside the page counts as a root
        }
        Set<String> parents = new LinkedHashSet<>();
        item.path("tags").forEach(t -> {
            String[] parts = t.asText().split(":", 3);
            if (parts.length == 3 && parts[0].equals("base_model")) {
                parents.add(parts[2]);
            }
        });
        if (parents.isEmpty()) {
            return Set.of(id);
        }
        Set<String> roots = new LinkedHashSet<>();
        for (String parent : parents) {
            roots.addAll(roots(parent, page, seen));
        }
        return roots;
    }

    private static List<String> countriesOf(String repoId, Map<String, Set<String>> countries) {
        String ns = repoId.substring(0, repoId.indexOf('/')).toLowerCase(Locale.ROOT);
        Set<String> found = countries.get(ns);
        return found == null ? List.of("unattributed") : List.copyOf(found);
    }

    private static void credit(Map<String, Double> into, List<String> countries, double value) {
        for (String c : countries) {
            into.merge(c, value / countries.size(), Double::sum);
        }
    }

    private static Map<String, Set<String>> namespaceCountries(Path registry) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (JsonNode org : new YAMLMapper().readTree(registry.toFile()).path("organizations")) {
            Set<String> cs = new LinkedHashSet<>();
            org.path("countries").forEach(c -> cs.add(c.asText()));
            org.path("namespaces")
                    .path("huggingface")
                    .forEach(ns -> out.put(ns.asText().toLowerCase(Locale.ROOT), cs));
        }
        return out;
    }

    private static Map<String, Double> values(Adoption a) {
        Map<String, Double> out = new LinkedHashMap<>();
        a.figures().forEach(f -> out.put(f.key(), f.value()));
        return out;
    }

    private static void print(String view, Adoption a, Map<String, Double> expected, double total) {
        System.out.printf(
                "%nShare of 30-day downloads by origin, %s view (%s, as of %s, %s):%n",
                view, PAGE.getFileName(), a.asOf(), a.ruleVersion());
        for (Adoption.Figure f : a.figures()) {
            System.out.printf(
                    "  %-13s %14.1f  %6.2f%%   independent: %14.1f%n",
                    f.key(), f.value(), 100 * f.share(), expected.getOrDefault(f.key(), Double.NaN));
        }
        System.out.printf("  %-13s %14.1f%n", "total", total);
    }
}
