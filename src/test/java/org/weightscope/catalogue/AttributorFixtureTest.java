package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.catalogue.Attribution.Parent;

/**
 * End-to-end over the real recording {@code api-models-id-full_50models_2024-12-09.json}; the catalogue
 * (ParentLookup) is the 50 models of that file, so parents outside it are "missing" and become roots.
 * Expected numbers are the file's own values (safetensors.parameters, cardData.license, base_model tags).
 */
class AttributorFixtureTest {

    static Attributor attributor;
    static ParentLookup catalogue;

    @BeforeAll
    static void setUp() {
        attributor = Fixtures.attributor();
        catalogue = ParentLookup.of(Fixtures.full50().values());
    }

    static Attribution attribute(String id) {
        return attributor.attribute(Fixtures.full(id), catalogue);
    }

    @Test
    void llama33_70b_instruct() {
        Attribution a = attribute("meta-llama/Llama-3.3-70B-Instruct");
        assertThat(a.licence().id()).isEqualTo("llama3.3");
        assertThat(a.licence().clazz()).isEqualTo("open-weights-restricted");
        assertThat(a.licence().source()).isEqualTo("cardData.license");
        // safetensors.parameters = {"BF16": 70553706496} → × 2 bytes
        assertThat(a.hardware().weightsBytes()).isEqualTo(141_107_412_992L);
        assertThat(a.hardware().clazz()).isEqualTo("multi-gpu");
        assertThat(a.hardware().basis()).isEqualTo("safetensors");
        assertThat(a.hardware().estimated()).isFalse();
        assertThat(a.hardware().totalParameters()).isEqualTo(70_553_706_496L);
        assertThat(a.lineage().parents()).containsExactly(new Parent("meta-llama/Llama-3.1-70B", "finetune"));
        assertThat(a.lineage().roots()).containsExactly("meta-llama/Llama-3.1-70B");
        assertThat(a.lineage().issues()).containsExactly("missing-parent:meta-llama/Llama-3.1-70B");
        assertThat(a.uploaderOrg()).isEqualTo("meta");
        assertThat(a.uploaderOrigin()).containsExactly("US");
        assertThat(a.developerOrgs()).containsExactly("meta");
        assertThat(a.lineageCountries()).containsExactly("US");
        assertThat(a.lineageOrigin()).containsExactly(new OriginShare("US", 1.0));
        assertThat(a.sectors()).containsExactly("general-assistant");
        assertThat(a.ruleVersion()).isEqualTo("attribution-2");
    }

    @Test
    void qwen25_72b_instruct_licenseOtherWithLicenseName() {
        // cardData: license "other", license_name "qwen"; safetensors BF16 72706203648; tag
        // base_model:finetune:Qwen/Qwen2.5-72B
        Attribution a = attribute("Qwen/Qwen2.5-72B-Instruct");
        assertThat(a.licence()).isEqualTo(new Attribution.Licence("qwen", "open-weights-restricted", "license_name"));
        assertThat(a.hardware().weightsBytes()).isEqualTo(145_412_407_296L);
        assertThat(a.hardware().clazz()).isEqualTo("multi-gpu");
        assertThat(a.lineage().parents()).containsExactly(new Parent("Qwen/Qwen2.5-72B", "finetune"));
        assertThat(a.uploaderOrg()).isEqualTo("alibaba-qwen");
        assertThat(a.uploaderOrigin()).containsExactly("CN");
        assertThat(a.lineageCountries()).containsExactly("CN");
    }

    @Test
    void qwen25_coder_32b_instruct() {
        // cardData.license apache-2.0; safetensors BF16 32763876352; tags include "code", "qwen-coder"
        Attribution a = attribute("Qwen/Qwen2.5-Coder-32B-Instruct");
        assertThat(a.licence())
                .isEqualTo(new Attribution.Licence(
                        "apache-2.0", "permissive", "cardData.license", "permissive", null, true, List.of()));
        assertThat(a.hardware().weightsBytes()).isEqualTo(65_527_752_704L);
        assertThat(a.hardware().clazz()).isEqualTo("datacenter-gpu");
        assertThat(a.sectors()).contains("code").doesNotContain("general-assistant");
        assertThat(a.lineage().roots()).containsExactly("Qwen/Qwen2.5-Coder-32B");
    }

    @Test
    void usFineTuneOfQwen_uploaderUs_lineageCn() {
        // Nexusflow (US) fine-tuned Qwen/Qwen2.5-72B-Instruct, which is in the catalogue and itself a
        // fine-tune of Qwen/Qwen2.5-72B (not in the catalogue → root).
        Attribution a = attribute("Nexusflow/Athene-V2-Chat");
        assertThat(a.uploaderOrg()).isEqualTo("nexusflow");
        assertThat(a.uploaderOrigin()).containsExactly("US");
        assertThat(a.lineage().parents()).containsExactly(new Parent("Qwen/Qwen2.5-72B-Instruct", "finetune"));
        assertThat(a.lineage().roots()).containsExactly("Qwen/Qwen2.5-72B");
        assertThat(a.lineage().issues()).containsExactly("missing-parent:Qwen/Qwen2.5-72B");
        assertThat(a.developerOrgs()).containsExactly("alibaba-qwen");
        assertThat(a.lineageOrigin()).containsExactly(new OriginShare("CN", 1.0));
        // cardData.license "other" with no license_name: declared, so not inherited, but class unknown; the
        // base's Qwen licence binds whoever runs it
        assertThat(a.licence())
                .isEqualTo(new Attribution.Licence(
                        "other",
                        "unknown",
                        "cardData.license",
                        "open-weights-restricted",
                        "Qwen/Qwen2.5-72B-Instruct",
                        false,
                        List.of()));
        // BF16 72706203648 (same architecture as its base)
        assertThat(a.hardware().weightsBytes()).isEqualTo(145_412_407_296L);
    }

    @Test
    void renamedParent_tagWinsOverCardData() {
        // cardData.base_model "meta-llama/Meta-Llama-3.1-8B" (old name) vs tag
        // base_model:finetune:meta-llama/Llama-3.1-8B
        Attribution a = attribute("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(a.lineage().parents()).containsExactly(new Parent("meta-llama/Llama-3.1-8B", "finetune"));
        assertThat(a.lineage().roots()).containsExactly("meta-llama/Llama-3.1-8B"); // in the catalogue, no parents
        assertThat(a.lineage().issues())
                .containsExactly("renamed-parent:meta-llama/Meta-Llama-3.1-8B->meta-llama/Llama-3.1-8B");
        assertThat(a.hardware().weightsBytes()).isEqualTo(16_060_522_496L); // BF16 8030261248 × 2
        assertThat(a.hardware().clazz()).isEqualTo("consumer-gpu");
    }

    @Test
    void realMergeOfTwoChineseRoots() {
        // tags base_model:merge:OpenGVLab/InternViT-6B-448px-V2_5 and base_model:merge:Qwen/Qwen2.5-72B-Instruct
        Attribution a = attribute("OpenGVLab/InternVL2_5-78B");
        assertThat(a.lineage().parents())
                .containsExactly(
                        new Parent("OpenGVLab/InternViT-6B-448px-V2_5", "merge"),
                        new Parent("Qwen/Qwen2.5-72B-Instruct", "merge"));
        assertThat(a.lineage().roots()).containsExactly("OpenGVLab/InternViT-6B-448px-V2_5", "Qwen/Qwen2.5-72B");
        assertThat(a.lineage().issues()).contains("multiple-roots");
        assertThat(a.developerOrgs()).containsExactly("shanghai-ai-lab", "alibaba-qwen");
        assertThat(a.lineageOrigin()).containsExactly(new OriginShare("CN", 1.0));
        assertThat(a.notes()).anyMatch(n -> n.contains("split evenly"));
        assertThat(a.licence().id()).isEqualTo("qwen"); // license other + license_name qwen
        assertThat(a.sectors()).contains("vision");
    }

    @Test
    void realAdapterOnTwoBasesFromDifferentCountries_inheritsLicence() {
        // cardData.base_model [black-forest-labs/FLUX.1-dev, Qwen/Qwen2-VL-7B-Instruct]; only Qwen2-VL has a
        // relation tag (adapter). No licence declared at all → inherited from FLUX.1-dev (in the catalogue).
        Attribution a = attribute("Djrango/Qwen2vl-Flux");
        assertThat(a.lineage().parents())
                .containsExactly(
                        new Parent("black-forest-labs/FLUX.1-dev", "unknown"),
                        new Parent("Qwen/Qwen2-VL-7B-Instruct", "adapter"));
        assertThat(a.lineage().roots()).containsExactly("black-forest-labs/FLUX.1-dev", "Qwen/Qwen2-VL-7B-Instruct");
        assertThat(a.uploaderOrg()).isNull();
        assertThat(a.uploaderOrigin()).containsExactly("unattributed");
        assertThat(a.lineageOrigin())
                .satisfiesExactly(
                        s -> {
                            assertThat(s.country()).isEqualTo("DE");
                            assertThat(s.share()).isCloseTo(0.5, within(1e-9));
                        },
                        s -> {
                            assertThat(s.country()).isEqualTo("CN");
                            assertThat(s.share()).isCloseTo(0.5, within(1e-9));
                        });
        assertThat(a.licence())
                .isEqualTo(new Attribution.Licence(
                        "flux-1-dev-non-commercial-license",
                        "non-commercial",
                        "inherited:black-forest-labs/FLUX.1-dev",
                        "non-commercial",
                        "black-forest-labs/FLUX.1-dev",
                        false,
                        List.of()));
        assertThat(a.sectors()).containsExactly("multimodal-generation");
    }

    @Test
    void whisperTurbo_speech_edge_rootInCatalogue() {
        // safetensors F16 808878080; cardData.license mit; base_model openai/whisper-large-v3 (in the file)
        Attribution a = attribute("openai/whisper-large-v3-turbo");
        assertThat(a.hardware().weightsBytes()).isEqualTo(1_617_756_160L);
        assertThat(a.hardware().clazz()).isEqualTo("edge");
        assertThat(a.sectors()).containsExactly("speech-audio");
        assertThat(a.lineage().roots()).containsExactly("openai/whisper-large-v3");
        assertThat(a.lineage().issues()).isEmpty();
        assertThat(a.licence().clazz()).isEqualTo("permissive");
    }

    @Test
    void exaone_f32_koreanNonCommercial() {
        // safetensors F32 32003200000, run at 16 bits → × 2 bytes = 64.0 GB; license other + license_name exaone
        Attribution a = attribute("LGAI-EXAONE/EXAONE-3.5-32B-Instruct");
        assertThat(a.hardware().weightsBytes()).isEqualTo(64_006_400_000L);
        assertThat(a.hardware().clazz()).isEqualTo("datacenter-gpu");
        assertThat(a.hardware().estimated()).isTrue();
        assertThat(a.hardware().quantisation()).isEqualTo("16bit");
        assertThat(a.licence()).isEqualTo(new Attribution.Licence("exaone", "non-commercial", "license_name"));
        assertThat(a.uploaderOrigin()).containsExactly("KR");
        assertThat(a.lineage().roots()).containsExactly("LGAI-EXAONE/EXAONE-3.5-32B-Instruct");
        assertThat(a.lineageCountries()).containsExactly("KR");
    }

    @Test
    void fluxDev_noSafetensors_hardwareUnknown() {
        Attribution a = attribute("black-forest-labs/FLUX.1-dev");
        assertThat(a.hardware().clazz()).isEqualTo("unknown");
        assertThat(a.hardware().basis()).isEqualTo("none");
        assertThat(a.sectors()).containsExactly("multimodal-generation");
        assertThat(a.licence().clazz()).isEqualTo("non-commercial");
        assertThat(a.uploaderOrigin()).containsExactly("DE");
    }

    @Test
    void everyRecordedModel_attributes_andRegionTagIsNeverAnOrigin() {
        for (ModelFacts f : Fixtures.full50().values()) {
            assertThat(f.tags()).contains("region:us");
            Attribution a = attributor.attribute(f, catalogue);
            assertThat(a.sectors()).as(f.repoId()).isNotEmpty();
            assertThat(a.lineage().roots()).as(f.repoId()).isNotEmpty();
            assertThat(a.lineageOrigin().stream()
                            .mapToDouble(OriginShare::share)
                            .sum())
                    .as(f.repoId())
                    .isCloseTo(1.0, within(1e-9));
            if (a.uploaderOrg() == null) {
                assertThat(a.uploaderOrigin()).as(f.repoId()).containsExactly("unattributed");
            }
            assertThat(List.of("permissive", "copyleft", "open-weights-restricted", "non-commercial", "unknown"))
                    .contains(a.licence().clazz());
        }
    }
}
