package org.weightscope.catalogue.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Fixtures;
import org.weightscope.catalogue.ModelFacts;

/** Sectors of real list items from api-models_trending_concat700_2024-12-11.json (tags + pipeline_tag only). */
class SectorClassifierTest {

    static final SectorClassifier SECTORS = SectorClassifier.load(Fixtures.RULES.resolve("sectors.yaml"));

    static List<String> of(String id) {
        return SECTORS.classify(Fixtures.listed(id));
    }

    @Test
    void coderModel() {
        assertThat(of("Qwen/Qwen2.5-Coder-7B-Instruct")).containsExactly("code");
        assertThat(of("deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct")).containsExactly("code"); // from the name only
        assertThat(of("defog/sqlcoder-7b-2")).containsExactly("code");
    }

    @Test
    void embeddingModels() {
        assertThat(of("BAAI/bge-large-en-v1.5")).containsExactly("retrieval-embeddings"); // feature-extraction
        assertThat(of("sentence-transformers/all-mpnet-base-v2"))
                .containsExactly("retrieval-embeddings"); // sentence-similarity
        assertThat(of("Alibaba-NLP/gte-Qwen2-7B-instruct"))
                .containsExactly("retrieval-embeddings"); // has a text-generation tag too
    }

    @Test
    void asr() {
        assertThat(of("openai/whisper-large-v3-turbo")).containsExactly("speech-audio");
    }

    @Test
    void textToImage() {
        assertThat(of("black-forest-labs/FLUX.1-dev")).containsExactly("multimodal-generation");
    }

    @Test
    void plainChatLlm() {
        assertThat(of("meta-llama/Llama-3.3-70B-Instruct")).containsExactly("general-assistant");
    }

    @Test
    void visionLanguageModel() {
        // image-text-to-text with HF's "conversational" tag (a chat template): also a general assistant
        assertThat(of("Qwen/Qwen2-VL-72B")).containsExactly("general-assistant", "vision");
        // an instruct vision-language model is also a general assistant
        assertThat(of("meta-llama/Llama-3.2-11B-Vision-Instruct")).containsExactly("general-assistant", "vision");
    }

    @Test
    void wordBoundaries_noMatchInsideWords() {
        ModelFacts encoder = Fixtures.listing("city96/t5-v1_1-xxl-encoder-gguf", null, null, "gguf", List.of("gguf"));
        assertThat(SECTORS.classify(encoder)).containsExactly("other");
        ModelFacts barcode = new ModelFacts(
                "huggingface",
                "x/barcode-llm",
                null,
                "text-generation",
                null,
                List.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                "This model decodes barcodes.",
                Map.of());
        assertThat(SECTORS.classify(barcode)).containsExactly("general-assistant");
    }

    @Test
    void cardTextOnlyStrongPhrases() {
        ModelFacts weak = new ModelFacts(
                "huggingface",
                "x/chat-7b",
                null,
                "text-generation",
                null,
                List.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                "Good at math, code and legal questions.",
                Map.of());
        assertThat(SECTORS.classify(weak)).containsExactly("general-assistant");
        ModelFacts strong = new ModelFacts(
                "huggingface",
                "x/chat-7b",
                null,
                "text-generation",
                null,
                List.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                "A Legal Large Language Model trained on case law.",
                Map.of());
        assertThat(SECTORS.classify(strong)).containsExactly("legal");
    }

    @Test
    void cardDataPipelineTag_isUsedWhenTheListHasNone() {
        ModelFacts gguf = new ModelFacts(
                "huggingface",
                "unsloth/Something-GGUF",
                null,
                null,
                null,
                List.of("gguf"),
                Map.of("pipeline_tag", "text-generation"),
                Map.of(),
                null,
                null,
                null,
                Map.of());
        assertThat(SECTORS.classify(gguf)).containsExactly("general-assistant");
    }

    @Test
    void nothingMatched_isOther() {
        assertThat(of("Qwen/Qwen2.5-Coder-7B-Instruct")).isNotEmpty();
        ModelFacts ts = Fixtures.listing("amazon/chronos-bolt-base", null, "time-series-forecasting", null, List.of());
        assertThat(SECTORS.classify(ts)).containsExactly("time-series");
    }

    @Test
    void everyRecordedListItem_getsKnownSectorIds() {
        for (ModelFacts f : Fixtures.list700().values()) {
            assertThat(SectorClassifier.SECTORS).as(f.repoId()).containsAll(SECTORS.classify(f));
        }
    }

    static ModelFacts model(String id, String pipeline, List<String> tags) {
        return Fixtures.listing(id, null, pipeline, null, tags);
    }

    @Test
    void oneSpamTagMakesNoDomain_twoTagsOrAStrongSignalDo() {
        // a chat model with one stray "legal" tag stays a general assistant
        assertThat(SECTORS.classify(model("x/chat-7b", "text-generation", List.of("legal"))))
                .containsExactly("general-assistant");
        // two of the legal rule's tags, or a word of the name, make the domain
        assertThat(SECTORS.classify(model("x/chat-7b", "text-generation", List.of("legal", "law"))))
                .containsExactly("legal");
        assertThat(SECTORS.classify(model("x/saul-7b", "text-generation", List.of())))
                .containsExactly("legal");
    }

    @Test
    void timeSeriesSafetyTranslation() {
        assertThat(SECTORS.classify(model("google/timesfm-2.0-500m-pytorch", "time-series-forecasting", List.of())))
                .containsExactly("time-series");
        assertThat(SECTORS.classify(model("google/shieldgemma-2b", "text-generation", List.of())))
                .containsExactly("safety");
        assertThat(SECTORS.classify(model("facebook/nllb-200-distilled-600M", "translation", List.of())))
                .containsExactly("translation");
        assertThat(SECTORS.classify(model("Helsinki-NLP/opus-mt-en-de", "translation", List.of())))
                .containsExactly("translation");
    }

    @Test
    void instructVisionLanguageAndAnyToAnyChatAreAssistants_aRepoWithoutPipelineTakesItsBases() {
        assertThat(SECTORS.classify(model("x/VL-7B-Instruct", "image-text-to-text", List.of())))
                .containsExactly("general-assistant", "vision");
        assertThat(SECTORS.classify(model("x/VL-7B", "image-text-to-text", List.of())))
                .containsExactly("vision");
        assertThat(SECTORS.classify(model("x/Omni-7B", "any-to-any", List.of("conversational"))))
                .containsExactly("general-assistant", "multimodal-generation");
        ModelFacts gguf = model("someone/Base-7B-Instruct-GGUF", null, List.of("gguf"));
        ModelFacts base = model("org/Base-7B-Instruct", "text-generation", List.of());
        assertThat(SECTORS.classify(gguf)).containsExactly("other");
        assertThat(SECTORS.classify(gguf, List.of(base))).containsExactly("general-assistant");
    }
}
