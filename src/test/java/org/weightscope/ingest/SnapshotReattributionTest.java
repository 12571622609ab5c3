package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.ModelSearch;
import org.weightscope.catalogue.ModelSnapshot;
import org.weightscope.catalogue.Reattribution;

/**
 * Re-application rewrites the daily snapshots too (the weekly series are computed on them), so every stored figure
 * cites the new rule version without a crawl; and a re-application keeps what each day showed (first, under the rules
 * as they are; then under an edited registry).
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotReattributionTest extends IntegrationTest {

    static final Path REGISTRY = TestRegistry.copy();

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
        registry.add("weightscope.attribution.registry-dir", REGISTRY::toString);
    }

    @Autowired
    RecordingImport recordings;

    @Autowired
    CatalogueHistory history;

    @Autowired
    Reattribution reattribution;

    @Autowired
    AttributionRules rules;

    @Autowired
    AdoptionService adoption;

    private static boolean imported;

    private void importOnce() {
        if (!imported) {
            recordings.importAll();
            imported = true;
        }
    }

    static final String CHANGED = "hf:Djrango/Qwen2vl-Flux";
    static final List<LocalDate> DAYS = List.of(
            LocalDate.parse("2024-12-02"),
            LocalDate.parse("2024-12-09"),
            LocalDate.parse("2024-12-11"),
            LocalDate.parse("2026-08-22"));

    /** * Re-applying unchanged rules keeps what each day showed and fills in only what it did not show. The recordings' one
     * real licence change (hf:Djrango/Qwen2vl-Flux: MIT on 2024-12-02, the FLUX.1-dev non-commercial licence from
     * 2024-12-09) still shows in the snapshot of the day before it; before, a re-application wrote today's licence into
     * every day. The 2024-12-02 listing shows {@code license:other} without the licence's name (a list page carries no
     * card data): those models, and derivatives of them whose effective class binds through them (FLUX.1-dev), take the
     * class known now. Days whose captures showed everything keep every figure, totals stay, and a second re-application
     * changes nothing.
     */
    @Test
    @Order(1)
    void unchangedRulesKeepEachDaysLicenceAndOnlyFillWhatADayDidNotShow() {
        importOnce();
        Map<LocalDate, String> licenceBefore = licences();
        assertThat(licenceBefore.get(DAYS.get(0))).isEqualTo("mit/permissive");
        assertThat(licenceBefore.get(DAYS.get(1))).isEqualTo("flux-1-dev-non-commercial-license/non-commercial");
        Map<String, Double> before = figures();
        Map<String, String> declaredBefore = declaredOn(DAYS.get(0));

        reattribution.reapply();

        assertThat(licences()).isEqualTo(licenceBefore);
        // every licence a model declared by name on 2024-12-02 is still the one its snapshot of that day holds
        Map<String, String> declaredAfter = declaredOn(DAYS.get(0));
        assertThat(declaredAfter).hasSameSizeAs(declaredBefore);
        declaredBefore.forEach((model, licence) -> {
            if (!licence.equals("other") && !licence.equals("unknown")) {
                assertThat(declaredAfter.get(model)).as(model).isEqualTo(licence);
            }
        });
        assertThat(declaredBefore).containsValue("other");
        Map<String, Double> after = figures();
        String first = DAYS.get(0).toString();
        before.forEach((key, value) -> {
            if (!key.startsWith(first)) {
                assertThat(after.get(key)).as(key).isEqualTo(value);
            }
        });
        assertThat(after.keySet().stream().filter(k -> !k.startsWith(first)))
                .containsExactlyInAnyOrderElementsOf(before.keySet().stream()
                        .filter(k -> !k.startsWith(first))
                        .toList());
        for (String metric : List.of("DOWNLOADS_30D", "MODELS")) {
            for (Adoption.View v : Adoption.View.values()) {
                String prefix = first + " " + metric + " " + v + " ";
                assertThat(sum(after, prefix))
                        .as("total " + prefix)
                        .isCloseTo(sum(before, prefix), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        assertThat(after.get(first + " DOWNLOADS_30D LINEAGE unknown"))
                .as("the names the listing did not show are filled in")
                .isLessThan(before.get(first + " DOWNLOADS_30D LINEAGE unknown"));

        reattribution.reapply();
        assertThat(figures()).isEqualTo(after);
        assertThat(licences()).isEqualTo(licenceBefore);
        assertThat(declaredOn(DAYS.get(0))).isEqualTo(declaredAfter);
    }

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Autowired
    org.weightscope.storage.Indices indices;

    /** Model → the licence id its snapshot of {@code day} holds. */
    private Map<String, String> declaredOn(LocalDate day) {
        try {
            Map<String, String> out = new java.util.TreeMap<>();
            client.indices().refresh(r -> r.index(indices.alias("snapshots")));
            client.search(
                            s -> s.index(indices.alias("snapshots"))
                                    .size(500)
                                    .query(q -> q.term(t -> t.field("day").value(day.toString()))),
                            ModelSnapshot.class)
                    .hits()
                    .hits()
                    .forEach(h -> out.put(
                            h.source().modelId(),
                            history.attributionOf(h.source())
                                    .orElseThrow()
                                    .licence()
                                    .id()));
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Index operations the snapshot indices have taken so far (a rewrite counts as one). */
    private long snapshotWrites() {
        try {
            client.indices().refresh(r -> r.index(indices.alias("snapshots")));
            return client.indices()
                    .stats(x -> x.index(indices.alias("snapshots")).metric("indexing"))
                    .all()
                    .primaries()
                    .indexing()
                    .indexTotal();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double sum(Map<String, Double> figures, String prefix) {
        return figures.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private Map<LocalDate, String> licences() {
        Map<LocalDate, String> out = new java.util.LinkedHashMap<>();
        for (LocalDate day : DAYS.subList(0, 3)) {
            Attribution a = history.attributionOf(history.snapshot(CHANGED, day).orElseThrow())
                    .orElseThrow();
            out.put(day, a.licence().id() + "/" + a.licence().effectiveClass());
        }
        return out;
    }

    /** "day metric view licence-class" → value, for every day, both views, downloads and model counts. */
    private Map<String, Double> figures() {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (LocalDate day : DAYS) {
            for (Adoption.Metric m : List.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Metric.MODELS)) {
                for (Adoption.View v : Adoption.View.values()) {
                    Adoption a = adoption.asOf(
                            new Adoption.Query(m, Adoption.Dimension.LICENCE_CLASS, v, Map.of(), 20), day);
                    a.figures().forEach(f -> out.put(day + " " + m + " " + v + " " + f.key(), f.value()));
                }
            }
        }
        return out;
    }

    @Test
    @Order(2)
    void aRuleEditReachesEverySnapshot() throws Exception {
        importOnce();
        // unsloth/Qwen3.8-27B-GGUF, recorded 2026-08-17 and 08-22, traced by name to Qwen (CN)
        String id = "hf:unsloth/Qwen3.8-27B-GGUF";
        ModelSnapshot before =
                history.snapshot(id, LocalDate.parse("2026-08-17")).orElseThrow();
        assertThat(history.attributionOf(before).orElseThrow().lineageCountries())
                .containsExactly("CN");
        long writes = snapshotWrites();
        String oldVersion = rules.version();

        // the Qwen team moved to SG in a throw-away copy of the registry: a new rule version
        Path file = REGISTRY.resolve("organizations.yaml");
        String yaml = Files.readString(file);
        String qwen = yaml.substring(yaml.indexOf("  - id: alibaba-qwen"));
        qwen = qwen.substring(0, qwen.indexOf("\n\n"));
        Files.writeString(
                file,
                yaml.replace(
                        qwen,
                        qwen.replace("countries: [CN]", "countries: [SG]")
                                .replace(
                                        "CN: https://en.wikipedia.org/wiki/Qwen",
                                        "SG: https://example.org/constructed-test-evidence")));
        reattribution.reapply();

        assertThat(rules.version()).isNotEqualTo(oldVersion);
        for (String day : new String[] {"2026-08-17", "2026-08-22"}) {
            ModelSnapshot after = history.snapshot(id, LocalDate.parse(day)).orElseThrow();
            Attribution now = history.attributionOf(after).orElseThrow();
            assertThat(now.ruleVersion()).isEqualTo(rules.version());
            assertThat(now.lineageCountries()).containsExactly("SG");
            // the figures follow: the model's downloads are credited to SG in the lineage view on its day
            Adoption bySg = adoption.asOf(
                    new Adoption.Query(
                            Adoption.Metric.DOWNLOADS_30D,
                            Adoption.Dimension.ORIGIN,
                            Adoption.View.LINEAGE,
                            Map.of(Adoption.Dimension.ORIGIN, List.of("SG")),
                            10),
                    LocalDate.parse(day));
            assertThat(bySg.figures()).anySatisfy(f -> assertThat(f.key()).isEqualTo("SG"));
        }
        // and not one snapshot was written to get there
        assertThat(snapshotWrites()).isEqualTo(writes);
    }

    @Autowired
    org.weightscope.catalogue.StaleAttribution stale;

    @Autowired
    ModelSearch search;

    /**
     * A registry edited while the app was down: at start the rules loaded are new and the store was attributed under
     * others. The start-up check finds every stored model stale and re-applies, so no figure cites rules it was not
     * computed with; a second check finds nothing to do.
     */
    @Test
    @Order(3)
    void aStoreAttributedUnderOtherRulesIsReattributedAtStart() throws Exception {
        importOnce();
        String id = "hf:unsloth/Qwen3.8-27B-GGUF";
        LocalDate day = LocalDate.parse("2026-08-22");
        String stored = rules.version();
        assertThat(stale.count()).isZero();

        Path file = REGISTRY.resolve("organizations.yaml");
        String yaml = Files.readString(file);
        Files.writeString(
                file,
                yaml.replace(
                        "SG: https://example.org/constructed-test-evidence",
                        "SG: https://example.org/constructed-test-evidence-2"));
        rules.reload(); // what a start does: the rules on disk are loaded, the store is not touched
        assertThat(rules.version()).isNotEqualTo(stored);
        long models = stale.count();
        assertThat(models).isPositive();

        Reattribution.Result result = stale.reapplyIfStale();

        assertThat(result).isNotNull();
        assertThat(result.models()).isEqualTo(models);
        assertThat(result.ruleVersion()).isEqualTo(rules.version());
        assertThat(search.find("huggingface", id.substring(3))
                        .orElseThrow()
                        .attribution()
                        .ruleVersion())
                .isEqualTo(rules.version());
        assertThat(adoption.asOf(
                                new Adoption.Query(
                                        Adoption.Metric.DOWNLOADS_30D,
                                        Adoption.Dimension.ORIGIN,
                                        Adoption.View.LINEAGE,
                                        Map.of(),
                                        10),
                                day)
                        .ruleVersion())
                .isEqualTo(rules.version());
        assertThat(stale.count()).isZero();
        assertThat(stale.reapplyIfStale()).isNull();
    }

    @Autowired
    org.weightscope.catalogue.SnapshotVersioning versioning;

    /**
     * A store written before attribution versions: its snapshots carry a copy of their attribution and name no
     * version. At start each is moved (the copy becomes a version of its model) and no figure changes.
     */
    @Test
    @Order(4)
    void aSnapshotWrittenBeforeVersionsIsMovedAtStart() throws Exception {
        importOnce();
        LocalDate day = DAYS.get(0);
        ModelSnapshot s = history.snapshot(CHANGED, day).orElseThrow();
        Attribution a = history.attributionOf(s).orElseThrow();
        Map<String, Double> before = figures();
        @SuppressWarnings("unchecked")
        Map<String, Object> old = new java.util.LinkedHashMap<>(client.get(
                        g -> g.index(indices.indexFor("snapshots", day)).id(s.id()), Map.class)
                .source());
        old.remove("version");
        old.put("attribution", a);
        client.index(i -> i.index(indices.indexFor("snapshots", day))
                .id(s.id())
                .document(old)
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        assertThat(history.snapshot(CHANGED, day).orElseThrow().version()).isNull();

        assertThat(versioning.versionUnversioned()).isEqualTo(1);

        ModelSnapshot moved = history.snapshot(CHANGED, day).orElseThrow();
        assertThat(moved.version()).startsWith(CHANGED + ":");
        assertThat(history.attributionOf(moved)).contains(a);
        assertThat(figures()).isEqualTo(before);
        assertThat(versioning.versionUnversioned()).isZero();
    }
}
