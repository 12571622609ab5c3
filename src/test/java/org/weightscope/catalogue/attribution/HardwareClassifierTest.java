package org.weightscope.catalogue.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.Hardware;
import org.weightscope.catalogue.HardwareThresholds;
import org.weightscope.catalogue.ModelFacts;

class HardwareClassifierTest {

    static final HardwareClassifier HW = new HardwareClassifier(HardwareThresholds.DEFAULTS);

    static ModelFacts facts(String id, Map<String, Long> st, Long total, Long gguf) {
        return new ModelFacts(
                "huggingface", id, null, null, null, List.of(), Map.of(), st, total, gguf, null, Map.of());
    }

    @Test
    void safetensorsMixedDtypes() {
        // 1e9 BF16 (2 B) + 2e9 F8_E4M3 (1 B) + 1e9 I4 (0.5 B) + 1e6 F32 (run at 16 bits: 2 B)
        Hardware h = HW.classify(facts(
                "x/mixed",
                Map.of("BF16", 1_000_000_000L, "F8_E4M3", 2_000_000_000L, "I4", 1_000_000_000L, "F32", 1_000_000L),
                null,
                null));
        assertThat(h.weightsBytes()).isEqualTo(4_502_000_000L);
        assertThat(h.totalParameters()).isEqualTo(4_001_000_000L);
        assertThat(h.basis()).isEqualTo("safetensors");
        assertThat(h.estimated()).isFalse();
        assertThat(h.clazz()).isEqualTo("consumer-gpu");
    }

    @Test
    void safetensorsUnknownDtype_isEstimatedAsBf16() {
        Hardware h = HW.classify(facts("x/y", Map.of("F12", 1_000_000_000L), null, null));
        assertThat(h.weightsBytes()).isEqualTo(2_000_000_000L);
        assertThat(h.estimated()).isTrue();
    }

    @Test
    void ggufBytes_winOverParameters() {
        Hardware h = HW.classify(facts("unsloth/Qwen3.8-27B-GGUF", Map.of(), 27_320_697_856L, 16_500_000_000L));
        assertThat(h.basis()).isEqualTo("files");
        assertThat(h.weightsBytes()).isEqualTo(16_500_000_000L);
        assertThat(h.clazz()).isEqualTo("consumer-gpu");
        assertThat(h.totalParameters()).isEqualTo(27_320_697_856L);
    }

    @Test
    void parametersOnly_assumeBf16() {
        // numParameters of zai-org/GLM-5 in api-trending_models_2026-03-02.json
        Hardware h = HW.classify(facts("zai-org/GLM-5", Map.of(), 753_864_139_008L, null));
        assertThat(h.basis()).isEqualTo("parameters");
        assertThat(h.estimated()).isTrue();
        assertThat(h.weightsBytes()).isEqualTo(1_507_728_278_016L);
        assertThat(h.clazz()).isEqualTo("cluster");
    }

    @Test
    void nameHints() {
        assertThat(HardwareClassifier.sizeHint("Qwen3-30B-A3B"))
                .isEqualTo(new SizeHint(30_000_000_000L, 3_000_000_000L));
        assertThat(HardwareClassifier.sizeHint("Mixtral-8x7B-Instruct-v0.1"))
                .isEqualTo(new SizeHint(56_000_000_000L, null));
        assertThat(HardwareClassifier.sizeHint("Qwen2.5-0.5B-Instruct")).isEqualTo(new SizeHint(500_000_000L, null));
        assertThat(HardwareClassifier.sizeHint("Qwen2.5-1.5b")).isEqualTo(new SizeHint(1_500_000_000L, null));
        assertThat(HardwareClassifier.sizeHint("OuteTTS-0.2-500M")).isEqualTo(new SizeHint(500_000_000L, null));
        assertThat(HardwareClassifier.sizeHint("Qwen3.5-397B-A17B").active()).isEqualTo(17_000_000_000L);
        assertThat(HardwareClassifier.sizeHint("Llama-3.3-70B-Instruct").total())
                .isEqualTo(70_000_000_000L);
        assertThat(HardwareClassifier.sizeHint("DeepSeek-R1-0528")).isNull();
        assertThat(HardwareClassifier.sizeHint("Qwen2.5-Coder")).isNull();
        assertThat(HardwareClassifier.sizeHint("whisper-large-v3")).isNull();
    }

    @Test
    void nameHintEstimate_andMoeActiveParameters() {
        Hardware h = HW.classify(facts("Qwen/Qwen3-30B-A3B", Map.of(), null, null));
        assertThat(h.basis()).isEqualTo("name");
        assertThat(h.estimated()).isTrue();
        assertThat(h.weightsBytes()).isEqualTo(60_000_000_000L);
        assertThat(h.totalParameters()).isEqualTo(30_000_000_000L);
        assertThat(h.activeParameters()).isEqualTo(3_000_000_000L);
        assertThat(h.clazz()).isEqualTo("datacenter-gpu");
        assertThat(HW.classify(facts("mistralai/Mixtral-8x7B-v0.1", Map.of(), null, null))
                        .clazz())
                .isEqualTo("multi-gpu");
        assertThat(HW.classify(facts("Qwen/Qwen2.5-0.5B", Map.of(), null, null)).clazz())
                .isEqualTo("edge");
    }

    @Test
    void nothingKnown_isUnknown() {
        Hardware h = HW.classify(facts("black-forest-labs/FLUX.1-dev", Map.of(), null, null));
        assertThat(h).isEqualTo(new Hardware("unknown", null, false, "none", null, null));
    }

    @Test
    void classBoundariesAreInclusive_gbIs1e9() {
        assertThat(HW.classOf(4_000_000_000L)).isEqualTo("edge");
        assertThat(HW.classOf(4_000_000_001L)).isEqualTo("consumer-gpu");
        assertThat(HW.classOf(24_000_000_000L)).isEqualTo("consumer-gpu");
        assertThat(HW.classOf(80_000_000_000L)).isEqualTo("datacenter-gpu");
        assertThat(HW.classOf(640_000_000_000L)).isEqualTo("multi-gpu");
        assertThat(HW.classOf(640_000_000_001L)).isEqualTo("cluster");
        HardwareClassifier strict = new HardwareClassifier(new HardwareThresholds(2, 16, 48, 320));
        assertThat(strict.classOf(20_000_000_000L)).isEqualTo("datacenter-gpu");
    }

    static ModelFacts files(String id, List<String> tags, Map<String, Long> st, Long total, Map<String, Long> files) {
        return new ModelFacts("huggingface", id, null, null, null, tags, Map.of(), st, total, null, null, files);
    }

    @Test
    void ggufFileListing_q4KmChosen_shardsSummed() {
        Hardware h = HW.classify(files(
                "bartowski/Model-70B-GGUF",
                List.of("gguf"),
                Map.of(),
                70_000_000_000L,
                Map.of(
                        "Model-70B-Q8_0.gguf",
                        75_000_000_000L,
                        "Model-70B-Q4_K_M/Model-70B-Q4_K_M-00001-of-00002.gguf",
                        30_000_000_000L,
                        "Model-70B-Q4_K_M/Model-70B-Q4_K_M-00002-of-00002.gguf",
                        12_500_000_000L,
                        "Model-70B-IQ2_XS.gguf",
                        21_000_000_000L,
                        "mmproj-Model-f16.gguf",
                        1_000_000_000L)));
        assertThat(h.basis()).isEqualTo("files");
        assertThat(h.estimated()).isFalse();
        assertThat(h.quantisation()).isEqualTo("q4_k_m");
        assertThat(h.weightsBytes()).isEqualTo(42_500_000_000L); // 30 + 12.5 GB, the two shards
        assertThat(h.clazz()).isEqualTo("datacenter-gpu");
    }

    @Test
    void ggufFileListing_withoutQ4KmTakesTheNearestToIt() {
        // Q5_K_M (5.69 bits) is nearer to Q4_K_M's 4.85 than Q8_0 (8.5) or Q3_K_M (3.91 → 0.94 away vs 0.84)
        Hardware h = HW.classify(files(
                "x/M-7B-GGUF",
                List.of("gguf"),
                Map.of(),
                null,
                Map.of(
                        "M-7B.Q8_0.gguf",
                        7_700_000_000L,
                        "M-7B.Q5_K_M.gguf",
                        5_100_000_000L,
                        "M-7B.Q3_K_M.gguf",
                        3_500_000_000L)));
        assertThat(h.quantisation()).isEqualTo("q5_k_m");
        assertThat(h.weightsBytes()).isEqualTo(5_100_000_000L);
        assertThat(h.clazz()).isEqualTo("consumer-gpu");
    }

    @Test
    void quantisationFromTheName_fourAndEightBits() {
        // 32e9 parameters: AWQ at 4 bits = 16 GB; FP8 at 8 bits = 32 GB; plain 16 bits = 64 GB
        assertThat(HW.classify(facts("Qwen/Qwen2.5-32B-Instruct-AWQ", Map.of(), 32_000_000_000L, null))
                        .weightsBytes())
                .isEqualTo(16_000_000_000L);
        assertThat(HW.classify(facts("Qwen/Qwen3-32B-FP8", Map.of(), 32_000_000_000L, null))
                        .weightsBytes())
                .isEqualTo(32_000_000_000L);
        assertThat(HW.classify(facts("unsloth/Llama-3.3-70B-Instruct-bnb-4bit", Map.of(), null, null))
                        .weightsBytes())
                .isEqualTo(35_000_000_000L); // from the name: 70e9 × 4 / 8
        assertThat(HW.classify(facts("mlx-community/Qwen3-8B-4bit", Map.of(), null, null))
                        .quantisation())
                .isEqualTo("4bit");
        assertThat(HW.classify(facts("Qwen/Qwen2.5-7B-Instruct-GPTQ-Int8", Map.of(), 7_000_000_000L, null))
                        .quantisation())
                .isEqualTo("8bit");
        assertThat(HW.classify(facts("x/plain-32B", Map.of(), 32_000_000_000L, null))
                        .weightsBytes())
                .isEqualTo(64_000_000_000L);
    }

    @Test
    void f32CheckpointsAreSizedAt16Bits_andAFarOffCountIsFlagged() {
        Hardware h = HW.classify(facts("x/model-1B", Map.of("F32", 1_000_000_000L), null, null));
        assertThat(h.weightsBytes()).isEqualTo(2_000_000_000L);
        assertThat(h.estimated()).isTrue();
        assertThat(h.quantisation()).isEqualTo("16bit");
        // 7B in the name, 60e9 parameters counted: more than 4× apart
        assertThat(HW.classify(facts("x/model-7B", Map.of(), 60_000_000_000L, null))
                        .flags())
                .contains("parameters-disagree-with-name");
        assertThat(HW.classify(facts("x/model-7B", Map.of(), 7_600_000_000L, null))
                        .flags())
                .isEmpty();
    }

    @Test
    void ollamaTagsRunAtQ4KmByDefault() {
        long parameters = 8_000_000_000L;
        Hardware h = HW.classify(new ModelFacts(
                "ollama", "llama3.1", null, null, null, List.of(), Map.of(), Map.of(), parameters, null, null, null));
        assertThat(h.quantisation()).isEqualTo("q4_k_m");
        assertThat(h.weightsBytes()).isEqualTo(4_850_000_000L); // 8e9 × 4.85 / 8
    }
}
