package org.weightscope.storage;

import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Elasticsearch server, run as a child process on loopback.
 *
 * <p>The distribution zip is unpacked once into {@code home}; data and logs live in {@code dataDir} and
 * survive restarts. ES refuses to run as root, so a root JVM starts it through {@code setpriv} as an
 * unprivileged user (created on first use). The server's pid is written to {@code dataDir/es.pid}: a
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
    private volatile Process process;
    private volatile boolean stopping;
    private Thread shutdownHook;
    private int httpPort;

    public EmbeddedElasticsearch(Path distribution, Path home, Path dataDir, String heap, Duration startTimeout,
            String runAsUser) {
        this.distribution = distribution;
        this.home = home;
        this.dataDir = dataDir;
        this.heap = heap;
        this.startTimeout = startTimeout;
        this.runAsUser = runAsUser;
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Starts the server and waits until the cluster is at least yellow. */
    public synchronized URI start() {
        if (process != null) {
            return uri();
        }
        Path esHome = unpackOnce();
        Path data = dataDir.resolve("data");
        Path logs = dataDir.resolve("logs");
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new StorageException("cannot create the Elasticsearch data folder " + dataDir, e);
        }
        stopStaleServer();
        boolean root = runningAsRoot();
        if (root) {
            ensureUser();
            chown(esHome);
            chown(dataDir);
        }
        httpPort = freePort();
        int transportPort = freePort();
        Path console = logs.resolve("console.log");
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + runAsUser, "--regid=" + runAsUser, "--init-groups", "--"));
        }
        command.addAll(List.of(esHome.resolve("bin/elasticsearch").toString(),
                "-p", pidFile().toString(),
                "-E", "cluster.name=weightscope-embedded",
                "-E", "node.name=weightscope-embedded",
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                "-E", "path.data=" + data,
                "-E", "path.logs=" + logs,
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "action.destructive_requires_name=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(esHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(console.toFile()));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        log.info("Starting embedded Elasticsearch from {} on 127.0.0.1:{} (data {})", esHome, httpPort, dataDir);
        Instant begin = Instant.now();
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
        log.info("Embedded Elasticsearch ready at {} after {} ms", uri(),
                Duration.between(begin, Instant.now()).toMillis());
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
        return readPid();
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
        Optional<ProcessHandle> server = readPid().flatMap(ProcessHandle::of);
        log.info("Stopping embedded Elasticsearch");
        process.destroy(); // SIGTERM to the ES launcher; it stops the server JVM
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Elasticsearch did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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
        if (p == null) {
            return;
        }
        Optional<ProcessHandle> server = readPid().flatMap(ProcessHandle::of);
        p.destroy();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (server.isPresent() && server.get().isAlive()) {
                server.get().destroy();
                server.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            server.ifPresent(ProcessHandle::destroyForcibly);
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

    private Path pidFile() {
        return dataDir.resolve("es.pid");
    }

    private Optional<Long> readPid() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A server from a crashed run still holds the data folder: stop it (and its launcher) first. */
    private void stopStaleServer() {
        Optional<ProcessHandle> stale = readPid().flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false));
        if (stale.isEmpty()) {
            deleteQuietly(pidFile());
            return;
        }
        ProcessHandle server = stale.get();
        log.warn("Found Elasticsearch (pid {}) left running by an earlier run on {}; stopping it", server.pid(),
                dataDir);
        Optional<ProcessHandle> launcher = server.parent()
                .filter(p -> p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false));
        server.destroy();
        try {
            server.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
        }
        launcher.ifPresent(ProcessHandle::destroy);
        deleteQuietly(pidFile());
    }

    private void waitUntilReady(Path console) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s");
        Instant deadline = Instant.now().plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (stopping) {
                throw new StorageException("stopped while Elasticsearch was starting");
            }
            if (!process.isAlive()) {
                throw new StorageException("Elasticsearch exited with code " + process.exitValue()
                        + " while starting. Last lines of " + console + ":\n" + tail(console, 40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        throw new StorageException("Elasticsearch was not ready within " + startTimeout + ". Last lines of "
                + console + ":\n" + tail(console, 40));
    }

    private Path unpackOnce() {
        if (distribution == null || !Files.isRegularFile(distribution)) {
            throw new StorageException("Elasticsearch distribution not found at " + distribution
                    + ". Build with ./weightscope run (Maven resolves it), set"
                    + " weightscope.elasticsearch.embedded.distribution, or use an external cluster"
                    + " (weightscope.elasticsearch.uris).");
        }
        String name = distribution.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = home.resolve(name);
        Path marker = target.resolve(".weightscope-unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        log.info("Unpacking {} into {} (once)", distribution, target);
        try {
            Files.createDirectories(home);
            Path tmp = Files.createTempDirectory(home, name + ".partial");
            String top = null;
            try (ZipFile zip = new ZipFile(distribution.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path out = tmp.resolve(entry.getName()).normalize();
                    if (!out.startsWith(tmp)) {
                        throw new StorageException("unsafe path in " + distribution + ": " + entry.getName());
                    }
                    if (top == null) {
                        top = entry.getName().split("/")[0];
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    String rel = entry.getName();
                    if (rel.contains("/bin/")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            deleteRecursively(target);
            Files.move(tmp.resolve(top), target);
            deleteRecursively(tmp);
            Files.writeString(marker, distribution.toString());
            return target;
        } catch (IOException e) {
            throw new StorageException("cannot unpack " + distribution + " into " + home, e);
        }
    }

    private void ensureUser() {
        if (exec(List.of("id", "-u", runAsUser)) == 0) {
            return;
        }
        log.info("Creating the unprivileged system user '{}' for Elasticsearch (it refuses to run as root)", runAsUser);
        int code = exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", runAsUser));
        if (code != 0) {
            throw new StorageException("Elasticsearch refuses to run as root and the user '" + runAsUser
                    + "' could not be created (useradd exit " + code + "). Create it, or run Weightscope as"
                    + " a normal user.");
        }
    }

    private void chown(Path path) {
        int code = exec(List.of("chown", "-R", runAsUser + ":" + runAsUser, path.toString()));
        if (code != 0) {
            throw new StorageException("cannot give " + path + " to user " + runAsUser);
        }
    }

    private static int exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stale pid file we cannot delete is overwritten by the next server
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
