package org.weightscope.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weightscope.shared.Json;

/** One client for the whole app, against the external cluster or the embedded server. */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchConfiguration.class);

    /** The embedded server's data folder lock, taken before any other bean (see {@link DataFolderGuard}). */
    @Bean
    static DataFolderGuard embeddedDataFolderGuard() {
        return new DataFolderGuard();
    }

    @Bean(destroyMethod = "close")
    ElasticsearchEndpoint elasticsearchEndpoint(ElasticsearchSettings settings, DataFolderGuard guard) {
        if (settings.external()) {
            log.info("Using the external Elasticsearch cluster at {}; nothing is embedded", settings.uris());
            return new ElasticsearchEndpoint(settings.uris(), null);
        }
        EmbeddedElasticsearch embedded = embedded(settings.embedded());
        URI uri = embedded.start(guard.take(embedded.dataDir()));
        return new ElasticsearchEndpoint(List.of(uri), embedded);
    }

    static EmbeddedElasticsearch embedded(ElasticsearchSettings.Embedded settings) {
        boolean root = EmbeddedElasticsearch.runningAsRoot();
        Path home = settings.home() != null ? settings.home() : StorageDefaults.cacheDir(root);
        Path data = settings.dataDir() != null ? settings.dataDir() : StorageDefaults.dataDir(root);
        Path distribution = settings.distribution() != null ? settings.distribution() : StorageDefaults.distribution();
        return new EmbeddedElasticsearch(
                distribution, home, data, settings.heap(), settings.startTimeout(), settings.runAsUser());
    }

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchEndpoint endpoint, ElasticsearchSettings settings) {
        HttpHost[] hosts = endpoint.uris().stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort() < 0 ? 9200 : u.getPort(), u.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey())});
        }
        // the embedded server's own user, or the external cluster's configured one
        String username =
                endpoint.embedded().map(EmbeddedElasticsearch::username).orElse(settings.username());
        String password =
                endpoint.embedded().map(EmbeddedElasticsearch::password).orElse(settings.password());
        builder.setHttpClientConfigCallback(http -> {
            if (username != null && !username.isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (settings.caCertificate() != null) {
                try {
                    http.setSSLContext(TransportUtils.sslContextFromHttpCaCrt(
                            settings.caCertificate().toFile()));
                } catch (IOException e) {
                    throw new StorageException("cannot read the CA certificate " + settings.caCertificate(), e);
                }
            }
            return http;
        });
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        // a copy: JacksonJsonpMapper reconfigures the mapper it is given (non-null inclusion, empty beans)
        return new ElasticsearchClient(new RestClientTransport(
                restClient, new JacksonJsonpMapper(Json.mapper().copy())));
    }

    /** Default locations, following the XDG layout for users and the FHS one for root. */
    static final class StorageDefaults {

        private StorageDefaults() {}

        static Path cacheDir(boolean root) {
            if (root) {
                return Path.of("/var/cache/weightscope");
            }
            String xdg = System.getenv("XDG_CACHE_HOME");
            return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                    .resolve("weightscope");
        }

        static Path dataDir(boolean root) {
            if (root) {
                return Path.of("/var/lib/weightscope/elasticsearch");
            }
            String xdg = System.getenv("XDG_DATA_HOME");
            return (xdg != null && !xdg.isBlank()
                            ? Path.of(xdg)
                            : Path.of(System.getProperty("user.home"), ".local", "share"))
                    .resolve("weightscope")
                    .resolve("elasticsearch");
        }

        /** Where the Maven build put the server zip (see pom.xml), else the local Maven repository. */
        static Path distribution() {
            Properties build = new Properties();
            try (InputStream in = StorageDefaults.class.getResourceAsStream("/weightscope-build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // fall through to the Maven repository
            }
            String version = build.getProperty("elasticsearch.version", "8.19.21");
            String path = build.getProperty("elasticsearch.distribution");
            if (path != null && Files.isRegularFile(Path.of(path))) {
                return Path.of(path);
            }
            return Path.of(
                    System.getProperty("user.home"),
                    ".m2",
                    "repository",
                    "org",
                    "elasticsearch",
                    "distribution",
                    "integ-test-zip",
                    "elasticsearch",
                    version,
                    "elasticsearch-" + version + ".zip");
        }
    }
}
