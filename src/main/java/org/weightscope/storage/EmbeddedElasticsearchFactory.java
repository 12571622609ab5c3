package org.weightscope.storage;

import java.nio.file.Path;
import java.time.Duration;

/** Builds an embedded server with the app's default distribution, cache and user; only the data folder differs. */
public final class EmbeddedElasticsearchFactory {

    private EmbeddedElasticsearchFactory() {}

    public static EmbeddedElasticsearch create(Path dataDir, Duration startTimeout) {
        ElasticsearchSettings.Embedded defaults =
                new ElasticsearchSettings.Embedded(null, null, dataDir, "512m", startTimeout, "weightscope");
        return ElasticsearchConfiguration.embedded(defaults);
    }
}
