package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.catalogue.Attribution.Parent;

/** Lineage walks over constructed facts (the recordings hold no cycles or 3-deep chains). */
class LineageEdgeCasesTest {

    static final Attributor ATTRIBUTOR = Fixtures.attributor();

    static ModelFacts model(String id, String... tags) {
        return Fixtures.listing(id, null, "text-generation", null, List.of(tags));
    }

    @Test
    void cycle_isReported_andGivesNoRoot() {
        ModelFacts a = model("acme/A", "base_model:finetune:acme/B");
        ModelFacts b = model("acme/B", "base_model:finetune:acme/A");
        Attribution r = ATTRIBUTOR.attribute(a, ParentLookup.of(List.of(a, b)));
        assertThat(r.lineage().parents()).containsExactly(new Parent("acme/B", "finetune"));
        assertThat(r.lineage().issues()).containsExactly("cycle:acme/A->acme/B->acme/A");
        assertThat(r.lineage().roots()).isEmpty();
        assertThat(r.lineageOrigin()).containsExactly(new OriginShare("unattributed", 1.0));
        assertThat(r.developerOrgs()).isEmpty();
    }

    @Test
    void selfReference_isACycle() {
        ModelFacts a = model("acme/A", "base_model:finetune:acme/A");
        Attribution r = ATTRIBUTOR.attribute(a, ParentLookup.of(List.of(a)));
        assertThat(r.lineage().parents()).isEmpty();
        assertThat(r.lineage().issues()).containsExactly("cycle:acme/A->acme/A");
        assertThat(r.lineage().roots()).containsExactly("acme/A");
    }

    @Test
    void missingParent_becomesTheRoot() {
        ModelFacts a = model("someone/tuned", "base_model:finetune:Qwen/Qwen2.5-7B");
        Attribution r = ATTRIBUTOR.attribute(a, ParentLookup.none());
        assertThat(r.lineage().roots()).containsExactly("Qwen/Qwen2.5-7B");
        assertThat(r.lineage().issues()).containsExactly("missing-parent:Qwen/Qwen2.5-7B");
        assertThat(r.uploaderOrigin()).containsExactly("unattributed");
        assertThat(r.lineageCountries()).containsExactly("CN");
    }

    @Test
    void mergeOfTwoRootsFromDifferentCountries_splitsEvenly() {
        ModelFacts merged =
                model("someone/merged", "base_model:merge:meta-llama/Llama-3.1-8B", "base_model:merge:Qwen/Qwen2.5-7B");
        ModelFacts llama = model("meta-llama/Llama-3.1-8B");
        ModelFacts qwen = model("Qwen/Qwen2.5-7B");
        Attribution r = ATTRIBUTOR.attribute(merged, ParentLookup.of(List.of(llama, qwen)));
        assertThat(r.lineage().parents()).extracting(Parent::relation).containsExactly("merge", "merge");
        assertThat(r.lineage().roots()).containsExactly("meta-llama/Llama-3.1-8B", "Qwen/Qwen2.5-7B");
        assertThat(r.lineage().issues()).containsExactly("multiple-roots");
        assertThat(r.lineageOrigin()).containsExactly(new OriginShare("US", 0.5), new OriginShare("CN", 0.5));
        assertThat(r.developerOrgs()).containsExactly("meta", "alibaba-qwen");
        assertThat(r.notes()).containsExactly("merge of 2 roots: lineage credit split evenly (1/2 each)");
    }

    @Test
    void multiCountryRoot_splitsItsShareAcrossCountries() {
        ModelFacts merged = model(
                "someone/merged", "base_model:merge:utter-project/EuroLLM-9B", "base_model:merge:Qwen/Qwen2.5-7B");
        Attribution r = ATTRIBUTOR.attribute(merged, ParentLookup.none());
        assertThat(r.lineageOrigin())
                .containsExactly(new OriginShare("PT", 0.25), new OriginShare("GB", 0.25), new OriginShare("CN", 0.5));
    }

    @Test
    void chainOfThree_quantizedOfFinetuneOfBase() {
        ModelFacts base = model("Qwen/Qwen2.5-7B");
        ModelFacts tune = model("Nexusflow/Tuned-7B", "base_model:finetune:Qwen/Qwen2.5-7B");
        ModelFacts quant = new ModelFacts(
                "huggingface",
                "unsloth/Tuned-7B-GGUF",
                null,
                null,
                null,
                List.of("gguf", "base_model:quantized:Nexusflow/Tuned-7B"),
                Map.of(),
                Map.of(),
                null,
                4_680_000_000L,
                null,
                Map.of());
        Attribution r = ATTRIBUTOR.attribute(quant, ParentLookup.of(List.of(base, tune, quant)));
        assertThat(r.lineage().parents()).containsExactly(new Parent("Nexusflow/Tuned-7B", "quantized"));
        assertThat(r.lineage().roots()).containsExactly("Qwen/Qwen2.5-7B");
        assertThat(r.lineage().issues()).isEmpty();
        assertThat(r.uploaderOrigin()).containsExactly("US");
        assertThat(r.lineageCountries()).containsExactly("CN");
        assertThat(r.developerOrgs()).containsExactly("alibaba-qwen");
        assertThat(r.hardware().basis()).isEqualTo("files");
        assertThat(r.hardware().clazz()).isEqualTo("consumer-gpu");
        assertThat(r.licence().id()).isEqualTo("unknown"); // nobody in the chain declares one
    }

    @Test
    void licenceInheritedFromNearestAncestor() {
        ModelFacts base = Fixtures.listing("Qwen/Qwen2.5-7B", null, null, null, List.of("license:apache-2.0"));
        ModelFacts quant = model("someone/q-GGUF", "base_model:quantized:Qwen/Qwen2.5-7B");
        Attribution r = ATTRIBUTOR.attribute(quant, ParentLookup.of(List.of(base)));
        assertThat(r.licence())
                .isEqualTo(new Attribution.Licence(
                        "apache-2.0",
                        "permissive",
                        "inherited:Qwen/Qwen2.5-7B",
                        "permissive",
                        "Qwen/Qwen2.5-7B",
                        true,
                        List.of()));
    }

    @Test
    void diamond_isWalkedOnce() {
        ModelFacts base = model("Qwen/Qwen2.5-7B");
        ModelFacts t1 = model("x/t1", "base_model:finetune:Qwen/Qwen2.5-7B");
        ModelFacts t2 = model("x/t2", "base_model:finetune:Qwen/Qwen2.5-7B");
        ModelFacts m = model("x/m", "base_model:merge:x/t1", "base_model:merge:x/t2");
        Attribution r = ATTRIBUTOR.attribute(m, ParentLookup.of(List.of(base, t1, t2)));
        assertThat(r.lineage().roots()).containsExactly("Qwen/Qwen2.5-7B");
        assertThat(r.lineage().issues()).isEmpty();
        assertThat(r.lineageOrigin()).containsExactly(new OriginShare("CN", 1.0));
    }

    @Test
    void cardDataBaseModelWithoutTag_isUnknownRelation_andModelScopeRevisionIsDropped() {
        ModelFacts f = new ModelFacts(
                "modelscope",
                "KookYan/x",
                null,
                "text-to-image",
                null,
                List.of(),
                Map.of("base_model", List.of("MusePublic/Qwen-image@v1")),
                Map.of(),
                null,
                null,
                null,
                Map.of());
        Attribution r = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(r.lineage().parents()).containsExactly(new Parent("MusePublic/Qwen-image", "unknown"));
    }

    @Test
    void noParents_uploaderAndLineageViewsAgree() {
        ModelFacts f = model("deepseek-ai/DeepSeek-V3");
        Attribution r = ATTRIBUTOR.attribute(f, ParentLookup.none());
        assertThat(r.lineage().roots()).containsExactly("deepseek-ai/DeepSeek-V3");
        assertThat(r.uploaderOrigin()).isEqualTo(r.lineageCountries()).containsExactly("CN");
        assertThat(r.developerOrgs()).containsExactly(r.uploaderOrg());
    }
}
