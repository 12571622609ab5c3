package org.weightscope.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;
import org.weightscope.TestElasticsearch;

/** With weightscope.elasticsearch.uris set, the app uses that cluster and embeds nothing. */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class ExternalClusterTest extends IntegrationTest {

    @Autowired
    ElasticsearchEndpoint endpoint;

    @Autowired
    Indices indices;

    @Test
    void usesTheConfiguredClusterAndStartsNoEmbeddedServer() {
        assertThat(endpoint.embedded()).isEmpty();
        assertThat(endpoint.uris()).containsExactly(TestElasticsearch.uri());
        String defaultData = ElasticsearchConfiguration.StorageDefaults.dataDir(EmbeddedElasticsearch.runningAsRoot())
                .toString();
        // only this JVM's own children count: another Weightscope on the machine may well run one
        long embeddedServers = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("path.data=" + defaultData))
                .count();
        assertThat(embeddedServers)
                .as("no Elasticsearch of this JVM on the default data folder")
                .isZero();
        assertThat(indices.alias("models")).startsWith(indices.prefix());
    }
}
