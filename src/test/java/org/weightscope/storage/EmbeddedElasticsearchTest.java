package org.weightscope.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.weightscope.TestElasticsearch;

/**
 * The launcher the app uses: data persists across runs, a server left behind by a crashed run is found and
 * stopped by the next start, and stopping leaves no Elasticsearch process behind.
 */
class EmbeddedElasticsearchTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void persistsDataReplacesAStaleServerAndLeavesNoProcessBehind() throws Exception {
        Path data = TestElasticsearch.newDataDir("weightscope-lifecycle-es");
        EmbeddedElasticsearch first = EmbeddedElasticsearchFactory.create(data, Duration.ofMinutes(3));
        URI uri = first.start();
        assertThat(send(uri, "PUT", "/lifecycle/_doc/1?refresh=true", "{\"name\":\"kept\"}"))
                .isEqualTo(201);
        long crashedServer = first.serverPid().orElseThrow();

        // The app is killed without stopping its server (SIGKILL): the next start must handle the leftover.
        EmbeddedElasticsearch second = EmbeddedElasticsearchFactory.create(data, Duration.ofMinutes(3));
        URI again = second.start();
        assertThat(ProcessHandle.of(crashedServer).map(ProcessHandle::isAlive).orElse(false))
                .as("the stale server was stopped")
                .isFalse();
        assertThat(get(again, "/lifecycle/_doc/1")).contains("\"name\":\"kept\"");

        long server = second.serverPid().orElseThrow();
        second.close();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false))
                .as("no server left after stop")
                .isFalse();
        assertThat(second.isRunning()).isFalse();
        first.close(); // its launcher died with the stale server; closing is a no-op that must not throw
        TestElasticsearch.deleteQuietly(data);
    }

    private int send(URI base, String method, String path, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private String get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
