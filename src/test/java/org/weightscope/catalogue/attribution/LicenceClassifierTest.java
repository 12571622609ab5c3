package org.weightscope.catalogue.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.Licence;
import org.weightscope.catalogue.Fixtures;
import org.weightscope.catalogue.ModelFacts;

class LicenceClassifierTest {

    static final LicenceClassifier LICENCES = LicenceClassifier.load(Fixtures.RULES.resolve("licences.yaml"));

    static ModelFacts facts(List<String> tags, Map<String, Object> card) {
        return new ModelFacts("huggingface", "x/y", null, null, null, tags, card, Map.of(), null, null, null, Map.of());
    }

    @Test
    void cardDataLicenseString() {
        assertThat(LICENCES.declared(facts(List.of("license:apache-2.0"), Map.of("license", "llama3.3"))))
                .isEqualTo(new Licence("llama3.3", "open-weights-restricted", "cardData.license"));
    }

    @Test
    void licenseOtherWithKnownLicenseName() {
        assertThat(LICENCES.declared(
                        facts(List.of("license:other"), Map.of("license", "other", "license_name", "tongyi-qianwen"))))
                .isEqualTo(new Licence("tongyi-qianwen", "open-weights-restricted", "license_name"));
        assertThat(LICENCES.declared(
                        facts(List.of(), Map.of("license", "other", "license_name", "DeepSeek License Agreement"))))
                .isEqualTo(new Licence("deepseek", "open-weights-restricted", "license_name"));
    }

    @Test
    void licenseOtherWithUnknownLicenseName_isOther_classedByPattern() {
        assertThat(LICENCES.declared(
                        facts(List.of(), Map.of("license", "other", "license_name", "acme-research-license"))))
                .isEqualTo(new Licence("other", "non-commercial", "license_name"));
        assertThat(LICENCES.declared(facts(List.of(), Map.of("license", "other", "license_name", "acme-license"))))
                .isEqualTo(new Licence("other", "unknown", "license_name"));
    }

    @Test
    void tagOnly() {
        assertThat(LICENCES.declared(facts(List.of("gguf", "license:mit", "region:us"), Map.of())))
                .isEqualTo(new Licence("mit", "permissive", "tag", "permissive", null, true, List.of()));
    }

    @Test
    void modelScopeSpelling() {
        assertThat(LICENCES.declared(facts(List.of(), Map.of("license", "Apache License 2.0"))))
                .isEqualTo(new Licence(
                        "apache-2.0", "permissive", "cardData.license", "permissive", null, true, List.of()));
        assertThat(LICENCES.canonicalId("MIT  License")).isEqualTo("mit");
    }

    @Test
    void nonCommercialAndRail() {
        assertThat(LICENCES.declared(facts(List.of("license:cc-by-nc-sa-4.0"), Map.of()))
                        .clazz())
                .isEqualTo("non-commercial");
        assertThat(LICENCES.classOf("cc-by-nc-2.5")).isEqualTo("non-commercial"); // not listed: by pattern
        assertThat(LICENCES.classOf("creativeml-openrail-m")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("acme-openrail-m")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("llama3.9")).isEqualTo("open-weights-restricted");
    }

    @Test
    void unknownOrAbsent_isNotDeclared() {
        assertThat(LICENCES.declared(facts(List.of(), Map.of()))).isNull();
        assertThat(LICENCES.declared(facts(List.of("license:unknown"), Map.of("license", "unknown"))))
                .isNull();
    }

    @Test
    void unlistedId_keptAsWritten() {
        assertThat(LICENCES.declared(facts(List.of("license:apple-ascl"), Map.of())))
                .isEqualTo(new Licence("apple-ascl", "permissive", "tag"));
    }

    @Test
    void osiFlag() {
        assertThat(LICENCES.isOsiApproved("apache-2.0")).isTrue();
        assertThat(LICENCES.isOsiApproved("cc-by-4.0")).isFalse();
    }

    @Test
    void everyLicenceTagInTheRecordings_getsAKnownClass() {
        for (ModelFacts f : Fixtures.list700().values()) {
            Licence l = LICENCES.declared(f);
            if (l != null) assertThat(LicenceClassifier.CLASSES).as(f.repoId()).contains(l.clazz());
        }
    }

    @Test
    void hubLicenceIdsThatFellToUnknown() {
        assertThat(LICENCES.classOf("nvidia-open-model-license")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("NVIDIA Open Model License Agreement")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("modified-mit")).isEqualTo("permissive");
        assertThat(LICENCES.classOf("jamba-open-model-license")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("apple-amlr")).isEqualTo("non-commercial");
        assertThat(LICENCES.classOf("apple-ascl")).isEqualTo("permissive");
        assertThat(LICENCES.classOf("falcon-llm-license")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("health-ai-developer-foundations")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("cc-by-nd-4.0")).isEqualTo("open-weights-restricted");
        assertThat(LICENCES.classOf("cc-by-nc-nd-4.0")).isEqualTo("non-commercial");
        assertThat(LICENCES.classOf("eupl-1.2")).isEqualTo("copyleft");
        assertThat(LICENCES.isOsiApproved("eupl-1.2")).isTrue();
    }

    @Test
    void lgplLrIsItsOwnLicence_andNoClassSaysOpenSource() {
        // LGPL-LR (Lesser General Public License for Linguistic Resources) is not LGPL-3.0 and not OSI-approved
        assertThat(LICENCES.canonicalId("lgpl-lr")).isEqualTo("lgpl-lr");
        assertThat(LICENCES.classOf("lgpl-lr")).isEqualTo("copyleft");
        assertThat(LICENCES.isOsiApproved("lgpl-lr")).isFalse();
        assertThat(LicenceClassifier.CLASSES).doesNotContain("open-source");
        assertThat(LICENCES.classOf("gpl-3.0")).isEqualTo("copyleft");
        assertThat(LICENCES.classOf("mit")).isEqualTo("permissive");
    }

    @Test
    void licencesThatExcludeTerritoriesAreFlagged() {
        Licence l = LICENCES.declared(facts(
                List.of("license:other"), Map.of("license", "other", "license_name", "tencent-hunyuan-community")));
        assertThat(l.id()).isEqualTo("tencent-hunyuan-community");
        assertThat(l.excludedTerritories()).containsExactly("EU", "GB", "KR");
        assertThat(LICENCES.excludedTerritories("mit")).isEmpty();
    }
}
