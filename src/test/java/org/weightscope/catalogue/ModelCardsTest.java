package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.Parent;

/** Front matter of the recorded README cards, and attribution of the re-packaged GGUF repos they describe. */
class ModelCardsTest {

    static final Attributor ATTRIBUTOR = Fixtures.attributor();

    @Test
    void frontMatter_listBaseModel() {
        Map<String, Object> fm = ModelCards.frontMatter(
                Fixtures.read(Fixtures.CARDS.resolve("unsloth__DeepSeek-R1-0528-GGUF.README.md")));
        assertThat(fm.get("base_model")).isEqualTo(List.of("deepseek-ai/DeepSeek-R1-0528"));
        assertThat(fm.get("license")).isEqualTo("mit");
        assertThat(fm.get("library_name")).isEqualTo("transformers");
    }

    @Test
    void frontMatter_stringBaseModel_and_body() {
        String md = Fixtures.read(Fixtures.CARDS.resolve("Qwen__Qwen3-30B-A3B-GGUF.README.md"));
        Map<String, Object> fm = ModelCards.frontMatter(md);
        assertThat(fm.get("base_model")).isEqualTo("Qwen/Qwen3-30B-A3B");
        assertThat(fm.get("pipeline_tag")).isEqualTo("text-generation");
        assertThat(ModelCards.body(md)).doesNotStartWith("---").doesNotContain("license_link:");
    }

    @Test
    void noOrBrokenFrontMatter_isEmpty() {
        assertThat(ModelCards.frontMatter("# Title\n\ntext")).isEmpty();
        assertThat(ModelCards.frontMatter("---\nlicense: [unclosed\n---\nbody")).isEmpty();
        assertThat(ModelCards.frontMatter(null)).isEmpty();
        assertThat(ModelCards.body("# Title")).isEqualTo("# Title");
    }

    @Test
    void unslothRepackOfDeepSeek_uploaderUs_lineageCn() {
        ModelFacts f = Fixtures.fromCard("unsloth/DeepSeek-R1-0528-GGUF", "unsloth__DeepSeek-R1-0528-GGUF.README.md");
        Attribution a = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(a.uploaderOrg()).isEqualTo("unsloth");
        assertThat(a.uploaderOrigin()).containsExactly("US");
        // front matter only (no HF tags) → relation unknown
        assertThat(a.lineage().parents()).containsExactly(new Parent("deepseek-ai/DeepSeek-R1-0528", "unknown"));
        assertThat(a.lineage().roots()).containsExactly("deepseek-ai/DeepSeek-R1-0528");
        assertThat(a.developerOrgs()).containsExactly("deepseek");
        assertThat(a.lineageCountries()).containsExactly("CN");
        assertThat(a.licence())
                .isEqualTo(new Attribution.Licence(
                        "mit", "permissive", "cardData.license", "permissive", null, true, List.of()));
    }

    @Test
    void unslothV3_stringBaseModel() {
        ModelFacts f = Fixtures.fromCard("unsloth/DeepSeek-V3-0324-GGUF", "unsloth__DeepSeek-V3-0324-GGUF.README.md");
        Attribution a = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(a.lineage().roots()).containsExactly("deepseek-ai/DeepSeek-V3-0324");
        assertThat(a.uploaderOrigin()).containsExactly("US");
        assertThat(a.lineageCountries()).containsExactly("CN");
    }

    @Test
    void qwenGguf_sizedFromName_thenFromFileBytes() {
        ModelFacts f = Fixtures.fromCard("Qwen/Qwen3-30B-A3B-GGUF", "Qwen__Qwen3-30B-A3B-GGUF.README.md");
        Attribution a = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(a.hardware().basis()).isEqualTo("name");
        assertThat(a.hardware().totalParameters()).isEqualTo(30_000_000_000L);
        assertThat(a.hardware().activeParameters()).isEqualTo(3_000_000_000L);
        // a GGUF repo runs at Q4_K_M: 30e9 × 4.85 bits / 8 = 18.1875 GB (at BF16 it would be 60 GB)
        assertThat(a.hardware().quantisation()).isEqualTo("q4_k_m");
        assertThat(a.hardware().weightsBytes()).isEqualTo(18_187_500_000L);
        assertThat(a.hardware().clazz()).isEqualTo("consumer-gpu");
        assertThat(a.sectors()).containsExactly("general-assistant");
        assertThat(a.uploaderOrigin()).containsExactly("CN");

        // The same repo with a known 18.6 GB Q4 file: the quantised download decides the class.
        ModelFacts withBytes = new ModelFacts(
                f.hub(),
                f.repoId(),
                null,
                f.pipelineTag(),
                f.libraryName(),
                f.tags(),
                f.cardData(),
                Map.of(),
                null,
                18_600_000_000L,
                f.cardText(),
                Map.of());
        Attribution b = ATTRIBUTOR.attribute(withBytes, ParentLookup.none());
        assertThat(b.hardware().basis()).isEqualTo("files");
        assertThat(b.hardware().estimated()).isFalse();
        assertThat(b.hardware().clazz()).isEqualTo("consumer-gpu");
    }

    @Test
    void gemmaCard_restrictedLicence_usLineage() {
        ModelFacts f = Fixtures.fromCard(
                "google/gemma-3-1b-it-qat-q4_0-gguf", "google__gemma-3-1b-it-qat-q4_0-gguf.README.md");
        Attribution a = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(a.licence())
                .isEqualTo(new Attribution.Licence("gemma", "open-weights-restricted", "cardData.license"));
        assertThat(a.lineage().roots()).containsExactly("google/gemma-3-1b-it");
        assertThat(a.lineageCountries()).containsExactly("US");
        assertThat(a.hardware().clazz()).isEqualTo("edge"); // name hint 1b → 2 GB estimated
    }

    @Test
    void magistralByUnregisteredRepackager_isItsOwnRoot_unattributed() {
        // no base_model in the front matter: lineage only in prose, which we do not guess from
        ModelFacts f = Fixtures.fromCard(
                "lmstudio-community/Magistral-Small-2506-GGUF",
                "lmstudio-community__Magistral-Small-2506-GGUF.README.md");
        Attribution a = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(a.lineage().parents()).isEmpty();
        assertThat(a.lineage().roots()).containsExactly("lmstudio-community/Magistral-Small-2506-GGUF");
        assertThat(a.uploaderOrigin()).containsExactly("unattributed");
        assertThat(a.lineageCountries()).containsExactly("unattributed");
    }
}
