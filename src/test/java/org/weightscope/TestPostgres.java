package org.weightscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for one test: Debian's binaries (the newest {@code /usr/lib/postgresql/N/bin},
 * or {@code $WEIGHTSCOPE_PG_BIN}), a fresh cluster in a temp folder, listening on a free loopback port with its
 * socket in that folder, run as the unprivileged user when the tests run as root (PostgreSQL refuses root, as
 * Elasticsearch does). Stopped ({@code pg_ctl stop -m immediate} on its own data folder, so only the server
 * started here) and deleted by {@link #close()}, or when the JVM exits.
 */
public final class TestPostgres implements AutoCloseable {

    static final String USER = "weightscope";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Thread hook = new Thread(this::stop, "stop-test-postgres");

    private TestPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    public static TestPostgres start() {
        Path bin = bin();
        Path dir = TestElasticsearch.newDataDir("weightscope-test-pg");
        int port = freePort();
        TestPostgres pg = new TestPostgres(bin, dir, port);
        try {
            Files.createDirectories(dir.resolve("socket"));
            if (root()) {
                run(List.of("chown", "-R", USER + ":" + USER, dir.toString()));
            }
            pg.asUser(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-U",
                    USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync"));
            Runtime.getRuntime().addShutdownHook(pg.hook);
            pg.pgCtl(
                    "-l",
                    dir.resolve("server.log").toString(),
                    "-t",
                    "60",
                    "-o",
                    "-h 127.0.0.1 -p " + port + " -k " + dir.resolve("socket") + " -c fsync=off -c max_connections=100",
                    "start");
            return pg;
        } catch (IOException e) {
            pg.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already exiting
        }
    }

    private void stop() {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            try {
                pgCtl("-m", "immediate", "stop");
            } catch (RuntimeException e) {
                // best effort: the folder goes anyway
            }
        }
        TestElasticsearch.deleteQuietly(dir);
    }

    /** The newest installed PostgreSQL's bin folder. */
    static Path bin() {
        String given = System.getenv("WEIGHTSCOPE_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql, as .ci/run does),"
                            + " nor WEIGHTSCOPE_PG_BIN",
                    e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** pg_ctl on this server's data folder only, waiting for it to finish. */
    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(
                bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w"));
        command.addAll(List.of(args));
        asUser(command);
    }

    private void asUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
