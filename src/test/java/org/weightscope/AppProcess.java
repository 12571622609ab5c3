package org.weightscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The app in a JVM of its own (the test's class path, {@link WeightscopeApplication}'s main), so a test can
 * kill it for real ({@link #kill()}: SIGKILL, nothing shuts down cleanly). Output goes to {@link #log()}.
 */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app with these properties (as {@code --key=value}) and waits until its readiness is UP. */
    public static AppProcess start(String name, Map<String, String> properties, Path logDir, Duration timeout) {
        int port = TestPostgres.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                WeightscopeApplication.class.getName(),
                "--server.port=" + port));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = logDir.resolve(name + ".log");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            AppProcess app = new AppProcess(name, pb.start(), port, log);
            Awaitility.await(name + " ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!app.process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited " + app.process.exitValue() + "; its log:\n" + app.tail());
                        }
                        return app.ready();
                    });
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean ready() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The end of its log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL: the instance dies mid-whatever, as on a crashed machine. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
