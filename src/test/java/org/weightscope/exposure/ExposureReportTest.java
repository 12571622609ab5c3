package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.exposure.ExposureReport.Component;
import org.weightscope.exposure.ExposureReport.OriginExposure;
import org.weightscope.exposure.ExposureReport.RiskCount;
import org.weightscope.shared.CsvReader;
import org.weightscope.shared.CsvWriter;

/**
 * The reference inventory ({@code src/test/resources/exposure/inventory.csv}, constructed) over a catalogue of
 * recorded models attributed by the real Attributor ({@link CatalogueFixture}). Expected values are read off the
 * recordings by hand (see the comments) and the summary figures are recomputed here from that table, never by
 * calling the code under test.
 */
class ExposureReportTest {

    static final Path DIR = Path.of("src/test/resources/exposure");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static ExposureService service;
    static ModelLookup lookup;

    /** What the recordings say about each inventory component. */
    record Expected(
            String id,
            String unit,
            double weight,
            String uploaderOrg,
            Map<String, Double> uploader,
            List<String> devOrgs,
            Map<String, Double> lineage,
            String licenceId,
            String licenceClass,
            List<String> flags) {}

    static final List<Expected> EXPECTED = List.of(
            // model card front matter: base_model [deepseek-ai/DeepSeek-R1-0528], license mit; unsloth = US
            // redistributor
            new Expected(
                    "unsloth/DeepSeek-R1-0528-GGUF",
                    "Customer Support",
                    5,
                    "unsloth",
                    Map.of("US", 1.0),
                    List.of("deepseek"),
                    Map.of("CN", 1.0),
                    "mit",
                    "permissive",
                    List.of()),
            // model card: base_model Qwen/Qwen3-32B, license apache-2.0; rows 3 and 7 merged: 3 + 2
            new Expected(
                    "Qwen/Qwen3-32B-GGUF",
                    "Engineering",
                    5,
                    "alibaba-qwen",
                    Map.of("CN", 1.0),
                    List.of("alibaba-qwen"),
                    Map.of("CN", 1.0),
                    "apache-2.0",
                    "permissive",
                    List.of()),
            // 50-model file: tag base_model:finetune:meta-llama/Llama-3.1-70B-Instruct, cardData.license llama3.1
            new Expected(
                    "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF",
                    "Research, Europe",
                    2,
                    "nvidia",
                    Map.of("US", 1.0),
                    List.of("meta"),
                    Map.of("US", 1.0),
                    "llama3.1",
                    "open-weights-restricted",
                    List.of("use-restrictions")),
            // 700-item list: tag license:apache-2.0, no base_model tag → its own root
            new Expected(
                    "mistralai/Mistral-7B-Instruct-v0.2",
                    "Marketing",
                    1,
                    "mistral-ai",
                    Map.of("FR", 1.0),
                    List.of("mistral-ai"),
                    Map.of("FR", 1.0),
                    "apache-2.0",
                    "permissive",
                    List.of()),
            // 50-model file: base_model [black-forest-labs/FLUX.1-dev, Qwen/Qwen2-VL-7B-Instruct], no licence →
            // inherited from FLUX.1-dev (flux-1-dev-non-commercial-license); Djrango not in the registry
            new Expected(
                    "Djrango/Qwen2vl-Flux",
                    "Marketing",
                    4,
                    null,
                    Map.of("unattributed", 1.0),
                    List.of("black-forest-labs", "alibaba-qwen"),
                    Map.of("DE", 0.5, "CN", 0.5),
                    "flux-1-dev-non-commercial-license",
                    "non-commercial",
                    List.of("non-commercial")));
    static final double UNKNOWN_WEIGHT = 1.5; // acme-internal/secret-model-7b

    @BeforeAll
    static void setUp() {
        lookup = CatalogueFixture.lookup();
        service = new ExposureService(ExposureSettings.defaults(), () -> lookup, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ExposureReport report(String file, String chosen) throws IOException {
        return service.report(file, Files.readAllBytes(DIR.resolve(file)), chosen);
    }

    @Test
    void components_statusOriginsAndLicence() throws IOException {
        ExposureReport r = report("inventory.csv", "CN");
        assertThat(r.components()).hasSize(6);
        for (int i = 0; i < EXPECTED.size(); i++) {
            Expected e = EXPECTED.get(i);
            Component c = r.components().get(i);
            assertThat(c.status()).as(e.id()).isEqualTo("resolved");
            assertThat(c.modelId()).isEqualTo(e.id());
            assertThat(c.businessUnit()).isEqualTo(e.unit());
            assertThat(c.weight()).isEqualTo(e.weight());
            assertThat(c.uploaderOrg()).as(e.id()).isEqualTo(e.uploaderOrg());
            assertThat(asMap(c.uploaderOrigin())).as(e.id()).isEqualTo(e.uploader());
            assertThat(c.developerOrgs()).as(e.id()).isEqualTo(e.devOrgs());
            assertThat(asMap(c.lineageOrigin())).as(e.id()).isEqualTo(e.lineage());
            assertThat(c.licenceId()).as(e.id()).isEqualTo(e.licenceId());
            assertThat(c.licenceClass()).as(e.id()).isEqualTo(e.licenceClass());
            assertThat(c.riskFlags()).as(e.id()).isEqualTo(e.flags());
        }
        Component unknown = r.components().get(5);
        assertThat(unknown.status()).isEqualTo("unknown");
        assertThat(unknown.modelId()).isEqualTo("acme-internal/secret-model-7b");
        assertThat(unknown.weight()).isEqualTo(UNKNOWN_WEIGHT);
        assertThat(unknown.lineageOrigin()).isEmpty();
        assertThat(unknown.riskFlags()).containsExactly("unknown-licence");
        assertThat(r.components().get(2).trend().downloads30d()).isEqualTo(162_898L); // recorded 30-day downloads
    }

    @Test
    void summary_exposureByOrigin_bothViews() throws IOException {
        ExposureReport r = report("inventory.csv", "CN");
        double total = UNKNOWN_WEIGHT;
        for (Expected e : EXPECTED) total += e.weight();
        assertThat(r.summary().totalWeight()).isCloseTo(total, within(1e-9)); // 5+5+2+1+4+1.5 = 18.5
        assertThat(r.summary().components()).isEqualTo(6);
        assertThat(r.summary().resolved()).isEqualTo(5);
        assertThat(r.summary().unknown()).isEqualTo(1);

        Map<String, double[]> lineage = new LinkedHashMap<>();
        Map<String, double[]> uploader = new LinkedHashMap<>();
        for (Expected e : EXPECTED) {
            e.lineage().forEach((k, s) -> add(lineage, k, s, s * e.weight()));
            e.uploader().forEach((k, s) -> add(uploader, k, s, s * e.weight()));
        }
        add(lineage, "unresolved", 1, UNKNOWN_WEIGHT);
        add(uploader, "unresolved", 1, UNKNOWN_WEIGHT);
        // spelled out: CN 5 + 5 + 4×0.5 = 12 (2.5 components), US 2, DE 2 (0.5), FR 1, unresolved 1.5
        assertThat(lineage.get("CN")).containsExactly(2.5, 12.0);
        assertExposure(r.summary().byLineageOrigin(), lineage, total);
        assertExposure(r.summary().byUploaderOrigin(), uploader, total);
        assertThat(r.summary().byLineageOrigin().getFirst().origin()).isEqualTo("CN");
        assertThat(r.summary().byLineageOrigin().getLast().origin()).isEqualTo("unresolved");
    }

    @Test
    void summary_concentrationHhi() throws IOException {
        ExposureReport r = report("inventory.csv", "CN");
        // developer orgs: weight split evenly across a component's developer orgs
        Map<String, Double> dev = new LinkedHashMap<>();
        Map<String, Double> countries = new LinkedHashMap<>();
        double resolvedWeight = 0;
        for (Expected e : EXPECTED) {
            resolvedWeight += e.weight();
            for (String d : e.devOrgs()) dev.merge(d, e.weight() / e.devOrgs().size(), Double::sum);
            e.lineage().forEach((k, s) -> countries.merge(k, s * e.weight(), Double::sum));
        }
        double hhiDev = 0;
        for (double w : dev.values()) hhiDev += Math.pow(w / resolvedWeight, 2) * 10_000;
        double hhiCountries = 0;
        for (double w : countries.values()) hhiCountries += Math.pow(w / resolvedWeight, 2) * 10_000;
        // by hand: dev orgs deepseek 5, alibaba-qwen 7, meta 2, black-forest-labs 2, mistral-ai 1 over 17 → 830000/289
        assertThat(hhiDev).isCloseTo(830_000.0 / 289, within(1e-6));
        assertThat(r.summary().developerOrgs().hhi()).isCloseTo(hhiDev, within(1e-6));
        assertThat(r.summary().developerOrgs().coverage()).isCloseTo(17 / 18.5, within(1e-9));
        assertThat(r.summary().lineageCountries().hhi()).isCloseTo(hhiCountries, within(1e-6)); // 1530000/289
        // uploader countries: US 7, CN 5, FR 1; Djrango's 4 are unattributed and left out → coverage 13/18.5
        assertThat(r.summary().uploaderCountries().hhi()).isCloseTo((49 + 25 + 1) / 169.0 * 10_000, within(1e-6));
        assertThat(r.summary().uploaderCountries().coverage()).isCloseTo(13 / 18.5, within(1e-9));
    }

    @Test
    void summary_licenceRisks() throws IOException {
        ExposureReport r = report("inventory.csv", null);
        Map<String, RiskCount> risks = new LinkedHashMap<>();
        for (RiskCount rc : r.summary().licenceRisks()) risks.put(rc.flag(), rc);
        assertThat(risks.keySet())
                .containsExactly("non-commercial", "use-restrictions", "changed-terms", "unknown-licence");
        assertThat(risks.get("non-commercial"))
                .extracting(RiskCount::components, RiskCount::weight)
                .containsExactly(1, 4.0);
        assertThat(risks.get("use-restrictions"))
                .extracting(RiskCount::components, RiskCount::weight)
                .containsExactly(1, 2.0);
        assertThat(risks.get("changed-terms"))
                .extracting(RiskCount::components, RiskCount::weight)
                .containsExactly(0, 0.0);
        assertThat(risks.get("unknown-licence"))
                .extracting(RiskCount::components, RiskCount::weight)
                .containsExactly(1, 1.5);
    }

    @Test
    void alternatives_forComponentsExposedToTheChosenOrigin() throws IOException {
        ExposureReport r = report("inventory.csv", "CN");
        Component qwen = r.components().get(1);
        // independently: recorded models, same hardware class and a shared sector, no CN and no unattributed credit
        ResolvedModel self = CatalogueFixture.model("Qwen/Qwen3-32B-GGUF");
        List<String> expected = CatalogueFixture.models().stream()
                .filter(m -> m.hardwareClass().equals(self.hardwareClass()))
                .filter(m -> m.sectors().stream().anyMatch(self.sectors()::contains))
                .filter(m -> m.lineageOrigin().stream()
                        .noneMatch(s -> s.country().equals("CN") || s.country().equals("unattributed")))
                .sorted((a, b) -> Long.compare(
                        b.downloads30d() == null ? -1 : b.downloads30d(),
                        a.downloads30d() == null ? -1 : a.downloads30d()))
                .limit(3)
                .map(ResolvedModel::id)
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(qwen.alternatives())
                .extracting(ExposureReport.Alternative::id)
                .isEqualTo(expected);
        assertThat(qwen.alternatives())
                .allSatisfy(a -> assertThat(a.lineageCountries()).doesNotContain("CN"));
        // DeepSeek GGUF: recorded card gives no size → hardware unknown → no alternatives, and the note says why
        assertThat(r.components().get(0).alternatives()).isEmpty();
        assertThat(r.components().get(0).notes()).anyMatch(n -> n.contains("hardware class unknown"));
        // not exposed to CN: no alternatives
        assertThat(r.components().get(2).alternatives()).isEmpty();
        assertThat(r.components().get(3).alternatives()).isEmpty();
    }

    @Test
    void cycloneDxJsonAndXml_giveTheSameReport_andTheCsvSummary() throws IOException {
        ExposureReport json = report("inventory.cdx.json", "CN");
        ExposureReport xml = report("inventory.cdx.xml", "CN");
        ExposureReport csv = report("inventory.csv", "CN");
        assertThat(xml.components()).isEqualTo(json.components());
        assertThat(xml.summary()).isEqualTo(json.summary());
        assertThat(xml.problems()).isEqualTo(json.problems());
        assertThat(json.format()).isEqualTo("cyclonedx-json");
        assertThat(xml.format()).isEqualTo("cyclonedx-xml");
        // same models, units and weights as the CSV: same summary
        assertThat(json.summary()).isEqualTo(csv.summary());
        assertThat(json.components().get(2).revision()).isEqualTo("fac73d3507320ec1258620423469b4b38f88df6e");
    }

    @Test
    void malformedCsv_rowErrorsInTheReport_goodRowsResolve() throws IOException {
        ExposureReport r = report("malformed.csv", "CN");
        assertThat(r.components())
                .extracting(Component::modelId, Component::status)
                .containsExactly(tuple("Qwen/Qwen3-32B-GGUF", "resolved"), tuple("Djrango/Qwen2vl-Flux", "resolved"));
        assertThat(r.problems()).filteredOn(p -> p.severity().equals("error")).hasSize(5);
    }

    @Test
    void everyReportCitesItsRules() throws IOException {
        ExposureReport r = report("inventory.csv", "cn");
        assertThat(r.generatedAt()).isEqualTo(NOW);
        assertThat(r.ruleVersion()).isEqualTo("attribution-2");
        assertThat(r.methodology()).contains("HHI").contains("unresolved").contains("lineage");
        assertThat(r.chosenOrigin()).isEqualTo("CN");
    }

    @Test
    void csvExport_citationHeaderAndQuoting() throws IOException {
        ExposureReport r = report("inventory.csv", "CN");
        String csv = service.toCsv(r);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "# Source: Weightscope exposure report, as of 2026-11-22T10:00:00Z, attribution attribution-2");
        assertThat(lines[1]).startsWith("row,reference,business_unit,weight,status");
        assertThat(csv)
                .contains(",\"Research, Europe\",2,resolved,huggingface,nvidia/Llama-3.1-Nemotron-70B-Instruct-HF,");
        assertThat(csv).contains("DE:0.5;CN:0.5");
        // the export reads back with the same RFC 4180 reader: one record per component, same column count
        List<CsvReader.Record> back = CsvReader.read(csv, ',', 100);
        assertThat(back).hasSize(1 + r.components().size());
        assertThat(back).allSatisfy(rec -> {
            assertThat(rec.error()).isNull();
            assertThat(rec.fields()).hasSize(ExposureCsv.HEADER.size());
        });
        assertThat(CsvWriter.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    }

    @Test
    void licenceChangesAndTrend_fromCatalogueHistory() {
        // The recordings hold no per-repo licence history or month-ago figures, so these two signals are
        // constructed on top of a recorded model (see crawlers/fixtures/PROVENANCE.md, licences/: DeepSeek's
        // custom licence → MIT happened across versions).
        ResolvedModel recorded = CatalogueFixture.model("Qwen/Qwen2.5-72B-Instruct");
        ResolvedModel withHistory = recorded.withHistory(List.of("tongyi-qianwen → qwen (constructed)"), 200_000L);
        ModelLookup one = ModelLookup.of(List.of(withHistory));
        Inventory inv = service.parse("x.csv", "model\nQwen/Qwen2.5-72B-Instruct\n".getBytes());
        Component c = service.compute(inv, one, null).components().getFirst();
        assertThat(c.riskFlags()).containsExactly("use-restrictions", "changed-terms");
        assertThat(c.licenceChanges()).hasSize(1);
        // 289009 recorded vs 200000 constructed: +44.5 % > 20 % → rising
        assertThat(c.trend().direction()).isEqualTo("rising");
        assertThat(c.trend().change()).isCloseTo((289_009 - 200_000) / 200_000.0, within(1e-12));
    }

    @Test
    void serviceWithoutCatalogueLookup_saysSo() {
        ExposureService bare = new ExposureService(ExposureSettings.defaults(), () -> null, Clock.systemUTC());
        assertThatThrownBy(() -> bare.report("x.csv", "model\na/b\n".getBytes(), "CN"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ModelLookup");
    }

    private static Map<String, Double> asMap(List<OriginShare> shares) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (OriginShare s : shares) m.put(s.country(), s.share());
        return m;
    }

    private static void add(Map<String, double[]> m, String k, double count, double weight) {
        double[] v = m.computeIfAbsent(k, x -> new double[2]);
        v[0] += count;
        v[1] += weight;
    }

    private static void assertExposure(List<OriginExposure> actual, Map<String, double[]> expected, double total) {
        assertThat(actual).extracting(OriginExposure::origin).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> errors = new ArrayList<>();
        for (OriginExposure o : actual) {
            double[] e = expected.get(o.origin());
            if (Math.abs(o.components() - e[0]) > 1e-9
                    || Math.abs(o.weight() - e[1]) > 1e-9
                    || Math.abs(o.weightShare() - e[1] / total) > 1e-9) {
                errors.add(o + " expected components " + e[0] + ", weight " + e[1]);
            }
        }
        assertThat(errors).isEmpty();
    }
}
