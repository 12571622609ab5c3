package org.weightscope.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code uris} the app starts its own Elasticsearch (embedded); with
 * {@code uris} it talks to that cluster and embeds nothing.
 *
 * @param uris          an external cluster, e.g. {@code https://es1:9200,https://es2:9200}
 * @param username      basic-auth user of the external cluster
 * @param password      basic-auth password
 * @param apiKey        encoded API key (instead of username/password)
 * @param caCertificate PEM file of the CA that signed the cluster's HTTP certificate (TLS)
 * @param indexPrefix   prefix of every index and alias name
 * @param embedded      the embedded server
 */
@ConfigurationProperties("weightscope.elasticsearch")
public record ElasticsearchSettings(
        @DefaultValue List<URI> uris,
        String username,
        String password,
        String apiKey,
        Path caCertificate,
        @DefaultValue("weightscope") String indexPrefix,
        @DefaultValue Embedded embedded) {

    public boolean external() {
        return !uris.isEmpty();
    }

    /**
     * @param distribution the server zip; default: where the Maven build resolved it
     * @param home         cache folder it is unpacked into once
     * @param dataDir      data and logs, kept across runs
     * @param heap         JVM heap of the server
     * @param startTimeout how long to wait for cluster health
     * @param runAsUser    unprivileged user the server runs as when the app runs as root (ES refuses root)
     */
    public record Embedded(
            Path distribution,
            Path home,
            Path dataDir,
            @DefaultValue("512m") String heap,
            @DefaultValue("180s") Duration startTimeout,
            @DefaultValue("weightscope") String runAsUser) {}
}
