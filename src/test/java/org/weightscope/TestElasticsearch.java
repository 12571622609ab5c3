package org.weightscope;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.weightscope.storage.EmbeddedElasticsearch;
import org.weightscope.storage.EmbeddedElasticsearchFactory;

/**
 * One real Elasticsearch node per test JVM, shared by every integration test: started on first use by the
 * same launcher the app uses, stopped when the JVM exits. Tests isolate themselves by index prefix.
 */
public final class TestElasticsearch {

    private static EmbeddedElasticsearch node;

    private TestElasticsearch() {}

    public static synchronized URI uri() {
        if (node == null) {
            Path data = newDataDir("weightscope-test-es");
            node = EmbeddedElasticsearchFactory.create(data, Duration.ofMinutes(3));
            node.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                node.close();
                                deleteQuietly(data); // test data is throw-away: do not fill /tmp run after run
                            },
                            "stop-test-elasticsearch"));
        }
        return node.uri();
    }

    /** The user the test node's clients connect as (security is on, as in the app). */
    public static String username() {
        uri();
        return node.username();
    }

    /** Its password, generated when the node was first started. */
    public static synchronized String password() {
        uri();
        return node.password();
    }

    public static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort
        }
    }

    /** A data folder the unprivileged ES user can reach (not under /root), world-traversable. */
    public static Path newDataDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(
                    Path.of(System.getProperty("java.io.tmpdir")),
                    prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
