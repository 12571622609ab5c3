package org.weightscope.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.weightscope.TestElasticsearch;

/**
 * The launcher the app uses: security on (401 without credentials, the generated password kept 0600), data
 * persists across runs, a start on a folder whose owner is alive refuses and leaves its server alone, a server
 * whose owner is gone is found and stopped by the next start, and stopping leaves no Elasticsearch behind.
 */
class EmbeddedElasticsearchTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void securedServerRefusesASecondOwnerReplacesAnOrphanAndLeavesNoProcessBehind() throws Exception {
        Path data = TestElasticsearch.newDataDir("weightscope-lifecycle-es");
        EmbeddedElasticsearch first = EmbeddedElasticsearchFactory.create(data, Duration.ofMinutes(3));
        URI uri = first.start();
        assertThat(send(uri, "GET", "/_cluster/health", null, null))
                .as("the port without credentials")
                .isEqualTo(401);
        assertThat(send(uri, "PUT", "/lifecycle/_doc/1?refresh=true", "{\"name\":\"kept\"}", first.password()))
                .isEqualTo(201);
        Path secret = data.resolve(EmbeddedSecurity.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        assertThat(Files.getOwner(secret).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(Files.readString(secret).strip()).isEqualTo(first.password());
        long orphan = first.serverPid().orElseThrow();

        // a second start while the first app owns the folder: refused, naming the owner; its server untouched
        EmbeddedElasticsearch second = EmbeddedElasticsearchFactory.create(data, Duration.ofMinutes(3));
        assertThatThrownBy(second::start)
                .isInstanceOf(DataFolderLock.DataFolderInUseException.class)
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining("127.0.0.1:" + uri.getPort())
                .hasMessageContaining("started ");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
        assertThat(get(uri, "/lifecycle/_doc/1", first.password())).contains("\"name\":\"kept\"");

        // the first app dies without stopping its server (SIGKILL): the next start stops the orphan
        first.abandon();
        URI again = second.start();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned server was stopped")
                .isFalse();
        assertThat(second.password()).as("the kept password").isEqualTo(first.password());
        assertThat(get(again, "/lifecycle/_doc/1", second.password())).contains("\"name\":\"kept\"");

        long server = second.serverPid().orElseThrow();
        second.close();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false))
                .as("no server left after stop")
                .isFalse();
        assertThat(second.isRunning()).isFalse();
        first.close(); // its launcher died with the orphan; closing is a no-op that must not throw
        TestElasticsearch.deleteQuietly(data);
    }

    private int send(URI base, String method, String path, String body, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (password != null) {
            request.header("Authorization", EmbeddedSecurity.basicAuth(password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String get(URI base, String path, String password) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", EmbeddedSecurity.basicAuth(password))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
