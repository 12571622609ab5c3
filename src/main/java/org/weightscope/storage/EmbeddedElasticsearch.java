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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Elasticsearch server, run as a child process on loopback: started, waited for (cluster health),
 * stopped. {@link ElasticsearchInstaller} puts it on disk first.
 *
 * <p>Data and logs live in {@code dataDir} and survive restarts. ES refuses to run as root, so a root JVM
 * starts it through {@code setpriv} as an unprivileged user, which the launcher creates. The server's pid is
 * written to {@code dataDir/es.pid}: a
 * server left behind by a crashed run (the app killed with SIGKILL) is found there and stopped on the
 * next start, before it could hold the data folder's lock.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path distribution;
    private final Path home;
    private final Path dataDir;
    private final String heap;
    private final Duration startTimeout;
    private final String runAsUser;
    private final PidFile pidFile;
    private volatile Process process;
    private volatile boolean stopping;
    private Thread shutdownHook;
    private int httpPort;

    public EmbeddedElasticsearch(
            Path distribution, Path home, Path dataDir, String heap, Duration startTimeout, String runAsUser) {
        this.distribution = distribution;
        this.home = home;
        this.dataDir = dataDir;
        this.heap = heap;
        this.startTimeout = startTimeout;
        this.runAsUser = runAsUser;
        this.pidFile = new PidFile(dataDir);
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Starts the server and waits until the cluster is at least yellow. */
    public synchronized URI start() {
        if (process != null) {
            return uri();
        }
        Path esHome = ElasticsearchInstaller.unpackOnce(distribution, home);
        Path data = dataDir.resolve("data");
        Path logs = dataDir.resolve("logs");
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new StorageException("cannot create the Elasticsearch data folder " + dataDir, e);
        }
        pidFile.stopStaleServer(STOP_TIMEOUT);
        boolean root = runningAsRoot();
        if (root) {
            ElasticsearchInstaller.handOver(runAsUser, esHome, dataDir);
        }
        httpPort = freePort();
        int transportPort = freePort();
        Path console = logs.resolve("console.log");
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + runAsUser, "--regid=" + runAsUser, "--init-groups", "--"));
        }
        command.addAll(List.of(
                esHome.resolve("bin/elasticsearch").toString(),
                "-p",
                pidFile.path().toString(),
                "-E",
                "cluster.name=weightscope-embedded",
                "-E",
                "node.name=weightscope-embedded",
                "-E",
                "discovery.type=single-node",
                "-E",
                "xpack.security.enabled=false",
                "-E",
                "network.host=127.0.0.1",
                "-E",
                "http.port=" + httpPort,
                "-E",
                "transport.port=" + transportPort,
                "-E",
                "path.data=" + data,
                "-E",
                "path.logs=" + logs,
                "-E",
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E",
                "action.destructive_requires_name=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(esHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(console.toFile()));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        log.info("Starting embedded Elasticsearch from {} on 127.0.0.1:{} (data {})", esHome, httpPort, dataDir);
        long begin = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StorageException("cannot start Elasticsearch: " + command, e);
        }
        // The JVM may be stopped at any moment, also before the app's context (and so close()) exists, e.g.
        // SIGTERM while we wait for cluster health: the hook makes sure the server never outlives us.
        shutdownHook = new Thread(this::stopFromHook, "stop-embedded-elasticsearch");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            waitUntilReady(console);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info(
                "Embedded Elasticsearch ready at {} after {} ms",
                uri(),
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return uri();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Pid of the server JVM, once it has written its pid file. */
    public Optional<Long> serverPid() {
        return pidFile.read();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server and everything it started; waits for it to be gone. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        log.info("Stopping embedded Elasticsearch");
        try {
            stop(process);
        } finally {
            process = null;
            removeShutdownHook();
        }
    }

    /**
     * Runs in the JVM's shutdown: takes no lock (start() may hold it while waiting for health), stops the
     * server and makes a start still in progress give up.
     */
    private void stopFromHook() {
        stopping = true;
        Process p = process;
        if (p != null) {
            stop(p);
        }
    }

    /** SIGTERM to the ES launcher, which stops the server JVM; the server itself if it outlives it. */
    private void stop(Process launcher) {
        Optional<ProcessHandle> server = pidFile.server();
        launcher.destroy();
        try {
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Elasticsearch did not stop within {}; killing it", STOP_TIMEOUT);
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (server.isPresent() && server.get().isAlive()) {
                server.get().destroy();
                server.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            server.ifPresent(ProcessHandle::destroyForcibly);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (or ran) close(), which is idempotent
            }
        }
    }

    private void waitUntilReady(Path console) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s");
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (stopping) {
                throw new StorageException("stopped while Elasticsearch was starting");
            }
            if (!process.isAlive()) {
                throw new StorageException("Elasticsearch exited with code " + process.exitValue()
                        + " while starting. Last lines of " + console + ":\n" + tail(console, 40));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
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
            sleep(250);
        }
        close();
        throw new StorageException("Elasticsearch was not ready within " + startTimeout + ". Last lines of " + console
                + ":\n" + tail(console, 40));
    }

    private static int freePort() {
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
