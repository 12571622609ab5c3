package org.weightscope.storage;

import co.elastic.clients.transport.TransportUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.weightscope.TestElasticsearch;

/**
 * A real Elasticsearch cluster on loopback for tests: {@code size} processes of the app's own distribution
 * (256 MB heap each, distinct free ports, discovery among them), security on as in production
 * (docker/compose.yaml): TLS on transport and HTTP with certificates from {@code bin/elasticsearch-certutil}
 * (a CA, then one certificate per node for 127.0.0.1/localhost), and the app's user {@value EmbeddedSecurity#USER}
 * with a generated password in every node's file realm. Nodes are killed by the pid they wrote.
 */
public final class SecuredCluster implements AutoCloseable {

    private final Path dir;
    private final Path ca;
    private final String password;
    private final List<ServerLaunch> nodes = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http;

    private SecuredCluster(Path dir, Path ca, String password) {
        this.dir = dir;
        this.ca = ca;
        this.password = password;
        try {
            this.http = HttpClient.newBuilder()
                    .sslContext(TransportUtils.sslContextFromHttpCaCrt(ca.toFile()))
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code size} nodes and waits until all of them form one green cluster. */
    public static SecuredCluster start(int size, Duration timeout) {
        boolean root = EmbeddedElasticsearch.runningAsRoot();
        Path esHome = ElasticsearchInstaller.unpackOnce(
                ElasticsearchConfiguration.StorageDefaults.distribution(),
                ElasticsearchConfiguration.StorageDefaults.cacheDir(root));
        Path dir = TestElasticsearch.newDataDir("weightscope-cluster");
        try {
            Path certs = certificates(esHome, dir, size);
            List<Path> homes = new ArrayList<>();
            for (int n = 1; n <= size; n++) {
                Path home = Files.createDirectories(dir.resolve("n" + n));
                Files.createDirectories(home.resolve("data"));
                Files.createDirectories(home.resolve("logs"));
                Path config = EmbeddedSecurity.configDir(esHome, home);
                Path nodeCerts = Files.createDirectories(config.resolve("certs"));
                Files.copy(certs.resolve("ca/ca.crt"), nodeCerts.resolve("ca.crt"));
                Files.copy(certs.resolve("n" + n + "/n" + n + ".crt"), nodeCerts.resolve("node.crt"));
                Files.copy(certs.resolve("n" + n + "/n" + n + ".key"), nodeCerts.resolve("node.key"));
                homes.add(home);
            }
            // one user, the same on every node: set up on the first, its realm files copied to the others
            Path first = homes.getFirst().resolve("config");
            String password = EmbeddedSecurity.password(esHome, first, homes.getFirst());
            for (Path home : homes.subList(1, size)) {
                for (String file : List.of("users", "users_roles")) {
                    Files.copy(
                            first.resolve(file),
                            home.resolve("config").resolve(file),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (root) {
                ElasticsearchInstaller.handOver("weightscope", homes.toArray(Path[]::new));
            }
            SecuredCluster cluster = new SecuredCluster(dir, certs.resolve("ca/ca.crt"), password);
            int[] http =
                    IntStream.range(0, size).map(i -> ServerLaunch.freePort()).toArray();
            int[] transport =
                    IntStream.range(0, size).map(i -> ServerLaunch.freePort()).toArray();
            List<String> seeds = IntStream.range(0, size)
                    .mapToObj(i -> "127.0.0.1:" + transport[i])
                    .toList();
            List<String> masters =
                    IntStream.rangeClosed(1, size).mapToObj(n -> "n" + n).toList();
            for (int i = 0; i < size; i++) {
                Path home = homes.get(i);
                ServerLaunch node = new ServerLaunch(
                        esHome,
                        home.resolve("config"),
                        home,
                        "256m",
                        "weightscope",
                        http[i],
                        transport[i],
                        home.resolve("logs/es.pid"),
                        settings("n" + (i + 1), seeds, masters));
                cluster.nodes.add(node);
                cluster.processes.add(node.start(root));
            }
            cluster.awaitNodes(size, timeout);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production settings (docker/compose.yaml) on loopback. */
    static List<String> settings(String name, List<String> seeds, List<String> masters) {
        return List.of(
                "cluster.name=weightscope-test-cluster",
                "node.name=" + name,
                "discovery.seed_hosts=" + String.join(",", seeds),
                "cluster.initial_master_nodes=" + String.join(",", masters),
                "xpack.security.enabled=true",
                "xpack.security.transport.ssl.enabled=true",
                "xpack.security.transport.ssl.key=certs/node.key",
                "xpack.security.transport.ssl.certificate=certs/node.crt",
                "xpack.security.transport.ssl.certificate_authorities=certs/ca.crt",
                "xpack.security.transport.ssl.verification_mode=certificate",
                "xpack.security.http.ssl.enabled=true",
                "xpack.security.http.ssl.key=certs/node.key",
                "xpack.security.http.ssl.certificate=certs/node.crt",
                "xpack.security.http.ssl.certificate_authorities=certs/ca.crt",
                "action.destructive_requires_name=false");
    }

    /** A CA, then one certificate per node (PEM), as the compose file's setup service makes them. */
    private static Path certificates(Path esHome, Path dir, int size) throws IOException {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        tool(esHome, "elasticsearch-certutil", "ca", "--silent", "--pem", "--out", certs.resolve("ca.zip"));
        ElasticsearchInstaller.unzip(certs.resolve("ca.zip"), certs);
        StringBuilder instances = new StringBuilder("instances:\n");
        for (int n = 1; n <= size; n++) {
            instances.append("  - name: n").append(n).append("\n    ip: [127.0.0.1]\n    dns: [localhost]\n");
        }
        Files.writeString(certs.resolve("instances.yml"), instances);
        tool(
                esHome,
                "elasticsearch-certutil",
                "cert",
                "--silent",
                "--pem",
                "--in",
                certs.resolve("instances.yml"),
                "--ca-cert",
                certs.resolve("ca/ca.crt"),
                "--ca-key",
                certs.resolve("ca/ca.key"),
                "--out",
                certs.resolve("certs.zip"));
        ElasticsearchInstaller.unzip(certs.resolve("certs.zip"), certs);
        return certs;
    }

    private static void tool(Path esHome, String name, Object... args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(esHome.resolve("bin").resolve(name).toString()));
        for (Object a : args) command.add(a.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(esHome.toFile()).redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_PATH_CONF", esHome.resolve("config").toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(name + " " + command + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls cluster health on the live nodes until {@code count} nodes have joined and it is green. */
    public void awaitNodes(int count, Duration timeout) {
        String[] last = {""};
        try {
            Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> IntStream.range(0, nodes.size())
                            .filter(i -> processes.get(i).isAlive())
                            .mapToObj(i -> health(i, "wait_for_nodes=" + count + "&wait_for_status=green&timeout=2s"))
                            .flatMap(Optional::stream)
                            .peek(h -> last[0] = h)
                            .anyMatch(h -> h.contains("\"number_of_nodes\":" + count + ",")
                                    && h.contains("\"status\":\"green\"")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "the cluster did not reach " + count + " nodes, green, within " + timeout + "; last health: "
                            + last[0] + "\n"
                            + ServerLaunch.tail(nodes.getFirst().console(), 30),
                    e);
        }
    }

    /** {@code _cluster/health} asked of node {@code i} (0-based), if it answers. */
    public Optional<String> health(int i, String query) {
        return get(i, "/_cluster/health?" + query);
    }

    /** A GET with the app's credentials to node {@code i}; empty when it does not answer 200. */
    public Optional<String> get(int i, String path) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uris().get(i).resolve(path))
                            .header("Authorization", EmbeddedSecurity.basicAuth(password))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Status code of an anonymous GET to node {@code i}. */
    public int anonymousStatus(int i) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uris().get(i)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    public List<URI> uris() {
        return nodes.stream()
                .map(n -> URI.create("https://127.0.0.1:" + n.httpPort()))
                .toList();
    }

    public String username() {
        return EmbeddedSecurity.USER;
    }

    public String password() {
        return password;
    }

    /** The CA certificate (PEM) the nodes' HTTP certificates are signed by. */
    public Path caCertificate() {
        return ca;
    }

    /** Index of the node named {@code name} ({@code n1} → 0). */
    public int index(String name) {
        return Integer.parseInt(name.substring(1)) - 1;
    }

    /** Kills node {@code i}'s server JVM (SIGKILL, by the pid it wrote) and waits until it is gone. */
    public long kill(int i) {
        ProcessHandle server = serverPid(i).flatMap(ProcessHandle::of).orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
        processes.get(i).destroy();
        return server.pid();
    }

    private Optional<Long> serverPid(int i) {
        try {
            return Optional.of(
                    Long.parseLong(Files.readString(nodes.get(i).pidFile()).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < nodes.size(); i++) {
            Optional<ProcessHandle> server = serverPid(i).flatMap(ProcessHandle::of);
            processes.get(i).destroy();
            server.ifPresent(ProcessHandle::destroy);
        }
        for (int i = 0; i < nodes.size(); i++) {
            try {
                processes.get(i).waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            serverPid(i).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
        TestElasticsearch.deleteQuietly(dir);
    }
}
