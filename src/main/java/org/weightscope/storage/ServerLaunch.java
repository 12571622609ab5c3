package org.weightscope.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One launch of a server of the distribution: its command line (HTTP and transport on loopback only, its own
 * configuration folder, data and logs, plus {@code settings}: for the embedded server {@link #SINGLE_NODE})
 * and the wait for cluster health, asked with the app's credentials.
 */
record ServerLaunch(
        Path esHome,
        Path config,
        Path dataDir,
        String heap,
        String runAsUser,
        int httpPort,
        int transportPort,
        Path pidFile,
        List<String> settings) {

    /** The embedded server: one node, security on. */
    static final List<String> SINGLE_NODE = List.of(
            "cluster.name=weightscope-embedded",
            "node.name=weightscope-embedded",
            "discovery.type=single-node",
            // any local process could otherwise read the inventories and webhook secrets, or delete indices;
            // one node needs no transport TLS, and HTTP stays plain on loopback
            "xpack.security.enabled=true",
            "xpack.security.http.ssl.enabled=false",
            "xpack.security.transport.ssl.enabled=false",
            "action.destructive_requires_name=false");

    Path console() {
        return dataDir.resolve("logs").resolve("console.log");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    Process start(boolean root) {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + runAsUser, "--regid=" + runAsUser, "--init-groups", "--"));
        }
        command.addAll(List.of(esHome.resolve("bin/elasticsearch").toString(), "-p", pidFile.toString()));
        List<String> all = new ArrayList<>(List.of(
                "network.host=127.0.0.1",
                "http.port=" + httpPort,
                "transport.port=" + transportPort,
                "path.data=" + dataDir.resolve("data"),
                "path.logs=" + dataDir.resolve("logs"),
                "cluster.routing.allocation.disk.threshold_enabled=false"));
        all.addAll(settings);
        for (String setting : all) {
            command.add("-E");
            command.add(setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(esHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console().toFile()));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        builder.environment().put("ES_PATH_CONF", config.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StorageException("cannot start Elasticsearch: " + command, e);
        }
    }

    /** Waits until the cluster is at least yellow; throws when the server dies, is stopped or takes too long. */
    void awaitReady(Process process, String password, Duration timeout, BooleanSupplier stopping) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s");
        String auth = EmbeddedSecurity.basicAuth(password);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (stopping.getAsBoolean()) {
                throw new StorageException("stopped while Elasticsearch was starting");
            }
            if (!process.isAlive()) {
                throw new StorageException("Elasticsearch exited with code " + process.exitValue()
                        + " while starting. Last lines of " + console() + ":\n" + tail(console(), 40));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .header("Authorization", auth)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted while waiting for Elasticsearch", e);
            }
            pause();
        }
        throw new StorageException("Elasticsearch was not ready within " + timeout + ". Last lines of " + console()
                + ":\n" + tail(console(), 40));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Between two polls of a server that is starting (a poll, not a synchronisation). */
    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
