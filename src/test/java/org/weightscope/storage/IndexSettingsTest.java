package org.weightscope.storage;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;

/**
 * The bulk-written indices (models, snapshots, events) refresh every 30 s, as their files say, and an index created
 * before the setting gets it at the next start.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class IndexSettingsTest extends IntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Indices indices;

    @Autowired
    ElasticsearchSettings settings;

    @Test
    void theBulkWrittenIndicesRefreshEveryThirtySecondsAlsoWhenTheyExistedBefore() throws Exception {
        String month = indices.indexFor("snapshots", LocalDate.of(2026, 1, 1));
        client.index(i -> i.index(month).id("m:2026-01-01").document(Map.of("modelId", "m", "day", "2026-01-01")));
        for (String index : new String[] {indices.alias("models"), indices.alias("events"), month}) {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
        }
        assertThat(refreshInterval(indices.alias("models"))).isEqualTo("1s");

        new Indices(client, settings); // what the next start does

        assertThat(refreshInterval(indices.alias("models"))).isEqualTo("30s");
        assertThat(refreshInterval(indices.alias("events"))).isEqualTo("30s");
        assertThat(refreshInterval(month)).isEqualTo("30s");
        assertThat(refreshInterval(indices.alias("crawl-runs")))
                .as("an index whose file sets no interval keeps the default")
                .isNull();
    }

    private String refreshInterval(String index) throws Exception {
        var r = client.indices().getSettings(g -> g.index(index));
        var s = r.result().values().iterator().next().settings();
        if (s == null || s.index() == null || s.index().refreshInterval() == null) {
            return null;
        }
        return s.index().refreshInterval().time();
    }
}
