package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.OriginShare;

/**
 * Issue 12's named models over all recorded Hugging Face captures, with the shipped registry and rules.
 * Expected values are worked out from the rules and the recorded numbers, not copied from output.
 */
class RecordedAttributionTest {

    static Attributor attributor;
    static ParentLookup catalogue;

    @BeforeAll
    static void load() {
        attributor = Attributor.load(Path.of("crawlers/registry"));
        catalogue = ParentLookup.of(Fixtures.recorded().values());
    }

    static Attribution attribute(String id) {
        ModelFacts f = Fixtures.recorded().get(id);
        assertThat(f).as(id + " in the recordings").isNotNull();
        return attributor.attribute(f, catalogue);
    }

    @Test
    void sentenceTransformers_isMaintainedNotDeveloped_neitherViewIsGermany() {
        // the namespace is Hugging Face's maintained library collection; the card names no base model and no
        // developer model carries the name, so the lineage is unattributed rather than the maintainer's country
        Attribution a = attribute("sentence-transformers/all-mpnet-base-v2");
        assertThat(a.uploaderOrg()).isEqualTo("sentence-transformers");
        assertThat(a.uploaderOrigin()).doesNotContain("DE").containsExactly("US", "FR");
        assertThat(a.lineageCountries()).doesNotContain("DE").containsExactly("unattributed");
        assertThat(a.lineage().basis()).isEqualTo("unattributed");
        assertThat(a.lineage().issues()).contains("untraced-root:sentence-transformers/all-mpnet-base-v2");
        assertThat(a.developerOrgs()).isEmpty();
        assertThat(a.sectors()).containsExactly("retrieval-embeddings");
    }

    @Test
    void unslothDeepSeekGguf_tracedByNameToDeepSeek() {
        // recorded 2026-07-13 without tags or card; deepseek-ai/DeepSeek-V4-Flash is recorded on 2026-04-27
        Attribution a = attribute("unsloth/DeepSeek-V4-Flash-GGUF");
        assertThat(a.uploaderOrigin()).containsExactly("US");
        assertThat(a.lineage().basis()).isEqualTo("inferred");
        assertThat(a.lineage().inferred()).isTrue();
        assertThat(a.lineage().inferredFrom()).isEqualTo("deepseek-ai/DeepSeek-V4-Flash");
        assertThat(a.lineage().roots()).containsExactly("deepseek-ai/DeepSeek-V4-Flash");
        assertThat(a.developerOrgs()).containsExactly("deepseek");
        assertThat(a.lineageOrigin()).containsExactly(new OriginShare("CN", 1.0));
        // 284,334,567,511 parameters at Q4_K_M (4.85 bits) = 172.38 GB: more than one 80 GB GPU
        assertThat(a.hardware().weightsBytes()).isEqualTo(Math.round(284_334_567_511L * 4.85 / 8));
        assertThat(a.hardware().clazz()).isEqualTo("multi-gpu");
    }

    @Test
    void unslothQwenGguf_tracedByNameToQwen_andRunOnAConsumerGpu() {
        Attribution a = attribute("unsloth/Qwen3.8-27B-GGUF");
        assertThat(a.lineage().basis()).isEqualTo("inferred");
        assertThat(a.lineage().inferredFrom()).isEqualTo("Qwen/Qwen3.8-27B");
        assertThat(a.lineageOrigin()).containsExactly(new OriginShare("CN", 1.0));
        assertThat(a.developerOrgs()).containsExactly("alibaba-qwen");
        // numParameters 27,320,697,856 × 4.85 bits = 132,505,384,601.6 bits / 8 = 16,563,173,075 bytes (16.6 GB ≤ 24
        // GB); at BF16 it
        // would be 54.6 GB (datacenter)
        Attribution.Hardware hw = a.hardware();
        assertThat(hw.basis()).isEqualTo("parameters");
        assertThat(hw.estimated()).isTrue();
        assertThat(hw.quantisation()).isEqualTo("q4_k_m");
        assertThat(hw.bitsPerWeight()).isEqualTo(4.85);
        assertThat(hw.weightsBytes()).isEqualTo(16_563_173_075L);
        assertThat(hw.clazz()).isEqualTo("consumer-gpu");
        assertThat(hw.flags()).doesNotContain("parameters-disagree-with-name");
    }

    @Test
    void loraOfANonCommercialBase_isBoundByTheBasesTerms() {
        // own licence MIT (permissive, OSI-approved); its base FLUX.1-dev declares flux-1-dev-non-commercial-license
        Attribution a = attribute("ali-vilab/In-Context-LoRA");
        assertThat(a.licence().id()).isEqualTo("mit");
        assertThat(a.licence().clazz()).isEqualTo("permissive");
        assertThat(a.licence().osi()).isTrue();
        assertThat(a.licence().effectiveClass()).isEqualTo("non-commercial");
        assertThat(a.licence().effectiveVia()).isEqualTo("black-forest-labs/FLUX.1-dev");
    }

    @Test
    void sectors_retrievalTimeSeriesSafety() {
        // ColBERT: no pipeline tag; the name word colbertv2.0 and the tag ColBERT
        assertThat(attribute("colbert-ir/colbertv2.0").sectors()).containsExactly("retrieval-embeddings");
        // pipeline time-series-forecasting (its text2text-generation tag does not make it an assistant)
        assertThat(attribute("amazon/chronos-t5-tiny").sectors()).containsExactly("time-series");
        // text-generation, but a guard model: safety is a domain, so not a general assistant
        assertThat(attribute("meta-llama/Llama-Guard-3-8B").sectors()).containsExactly("safety");
    }

    @Test
    void everyRecordedModelsLineageSharesSumToOne() {
        for (ModelFacts f : Fixtures.recorded().values()) {
            Attribution a = attributor.attribute(f, catalogue);
            assertThat(a.lineageOrigin().stream()
                            .mapToDouble(OriginShare::share)
                            .sum())
                    .as(f.repoId())
                    .isCloseTo(1.0, within(1e-9));
            // a maintainer or redistributor is never a lineage root's country
            for (String org : a.developerOrgs()) {
                assertThat(attributor.registry().byId(org).orElseThrow().holdsOthersWork())
                        .as(f.repoId())
                        .isFalse();
            }
        }
    }
}
