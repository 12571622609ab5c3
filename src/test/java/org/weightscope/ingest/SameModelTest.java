package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.OrganizationRegistry;

/** Cross-hub link rule over the real registry (crawlers/registry/organizations.yaml). */
class SameModelTest {

    static OrganizationRegistry registry;

    @BeforeAll
    static void load() {
        registry = OrganizationRegistry.load(Path.of("crawlers/registry/organizations.yaml"));
    }

    @Test
    void sameNamespaceAndNameIgnoringCase() {
        assertThat(CrossHubLinker.sameModel("Qwen/Qwen3-8B", "Qwen/Qwen3-8B", registry))
                .isTrue();
        assertThat(CrossHubLinker.sameModel("Qwen/Qwen3-8B", "qwen/qwen3-8b", registry))
                .isTrue();
        // a namespace unknown to the registry still links when it is literally the same
        assertThat(CrossHubLinker.sameModel("lightx2v/Qwen-Image-Lightning", "lightx2v/Qwen-Image-Lightning", registry))
                .isTrue();
    }

    @Test
    void differentNamespacesOfOneRegistryOrganisation() {
        assertThat(CrossHubLinker.sameModel("zai-org/GLM-4.5", "ZhipuAI/GLM-4.5", registry))
                .isTrue();
        assertThat(CrossHubLinker.sameModel("MiniMaxAI/MiniMax-M2", "MiniMax/MiniMax-M2", registry))
                .isTrue();
        assertThat(CrossHubLinker.sameModel(
                        "internlm/internlm3-8b-instruct", "Shanghai_AI_Laboratory/internlm3-8b-instruct", registry))
                .isTrue();
        assertThat(CrossHubLinker.sameModel("01-ai/Yi-1.5-34B", "01ai/Yi-1.5-34B@v1", registry))
                .isTrue();
    }

    @Test
    void sameNameUnderAnotherOwnerOrAnotherNameIsNotTheSameModel() {
        assertThat(CrossHubLinker.sameModel("Qwen/Qwen-Image", "KookYan/Qwen-Image", registry))
                .isFalse();
        assertThat(CrossHubLinker.sameModel("deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-R1", registry))
                .isFalse();
        // two different registry orgs (Qwen team vs Alibaba's ModelScope mirror account)
        assertThat(CrossHubLinker.sameModel("Qwen/Qwen-Image", "AI-ModelScope/Qwen-Image", registry))
                .isFalse();
        assertThat(CrossHubLinker.sameModel("not-a-repo-id", "Qwen/Qwen3-8B", registry))
                .isFalse();
    }
}
