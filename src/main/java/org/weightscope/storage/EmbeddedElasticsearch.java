package org.weightscope.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Elasticsearch server, run as a child process on loopback with security on: started, waited for
 * (cluster health), supervised, stopped. {@link ElasticsearchInstaller} puts it on disk first,
 * {@link EmbeddedSecurity} gives it the app's user and password.
 *
 * <p>Data and logs live in {@code dataDir} and survive restarts. ES refuses to run as root, so a root JVM
 * starts it through {@code setpriv} as an unprivileged user, which the launcher creates. The app holds the
 * folder's {@link DataFolderLock} while it runs: a second instance on the same folder refuses to start and
 * names the first, and never stops its server. Only when the lock is free (its owner provably gone) is a
 * server found through the pid file ({@code dataDir/logs/es.pid}) stopped, before it could hold the data.
 * When the server dies while the app runs, {@link ServerSupervisor} restarts it on the same ports.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final int RESTART_TRIES = 5;
    static final Duration RESTART_WAIT = Duration.ofSeconds(1);

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
    private DataFolderLock lock;
    private ServerLaunch launch;
    private ServerSupervisor supervisor;
    private String password;

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

    /**
     * Starts the server and waits until the cluster is at least yellow.
     *
     * @throws DataFolderLock.DataFolderInUseException when another instance holds the data folder
     */
    public URI start() {
        return start(null);
    }

    /** {@link #start()} with the folder's lock already taken ({@code null}: take it now). */
    synchronized URI start(DataFolderLock taken) {
        if (process != null) {
            return uri();
        }
        stopping = false;
        lock = taken != null ? taken : DataFolderLock.acquire(dataDir);
        try {
            Path esHome = ElasticsearchInstaller.unpackOnce(distribution, home);
            Path data = Files.createDirectories(dataDir.resolve("data"));
            Path logs = Files.createDirectories(dataDir.resolve("logs"));
            Path config = EmbeddedSecurity.configDir(esHome, dataDir);
            password = EmbeddedSecurity.password(esHome, config, dataDir);
            pidFile.stopStaleServer(STOP_TIMEOUT);
            if (runningAsRoot()) {
                // the folder itself (lock, password) stays the app's; the server gets what it writes
                ElasticsearchInstaller.handOver(runAsUser, esHome, data, logs, config);
            }
            launch = new ServerLaunch(
                    esHome,
                    config,
                    dataDir,
                    heap,
                    runAsUser,
                    ServerLaunch.freePort(),
                    ServerLaunch.freePort(),
                    pidFile.path(),
                    ServerLaunch.SINGLE_NODE);
            lock.describe("on 127.0.0.1:" + launch.httpPort() + ", data " + dataDir);
            // The JVM may be stopped at any moment, also before the app's context (and so close()) exists, e.g.
            // SIGTERM while we wait for cluster health: the hook makes sure the server never outlives us.
            shutdownHook = new Thread(this::stopFromHook, "stop-embedded-elasticsearch");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            launch();
            supervisor = new ServerSupervisor(
                    this::restartAfterCrash, () -> stopping, this::describeExit, RESTART_TRIES, RESTART_WAIT);
            supervisor.watch(process);
        } catch (IOException e) {
            close();
            throw new StorageException("cannot create the Elasticsearch data folder " + dataDir, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return uri();
    }

    private void launch() {
        log.info(
                "Starting embedded Elasticsearch from {} on 127.0.0.1:{} (data {}, security on)",
                launch.esHome(),
                launch.httpPort(),
                dataDir);
        long begin = System.nanoTime();
        process = launch.start(runningAsRoot());
        launch.awaitReady(process, password, startTimeout, () -> stopping);
        log.info(
                "Embedded Elasticsearch ready at {} after {} ms",
                uri(),
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }

    /** The supervisor's restart: what is left of the dead server is stopped, then the same launch again. */
    private synchronized Process restartAfterCrash() {
        if (stopping) {
            throw new StorageException("stopping");
        }
        Process dead = process;
        if (dead != null && dead.isAlive()) {
            stop(dead);
        }
        pidFile.stopStaleServer(STOP_TIMEOUT);
        try {
            launch();
        } catch (RuntimeException e) {
            if (process != null && process.isAlive()) {
                stop(process);
            }
            throw e;
        }
        return process;
    }

    private String describeExit(Process dead) {
        return "exit code " + dead.exitValue() + "; last lines of " + launch.console() + ":\n"
                + ServerLaunch.tail(launch.console(), 5);
    }

    /** The user the app connects as. */
    public String username() {
        return EmbeddedSecurity.USER;
    }

    /** The app's password (generated once, kept 0600 in the data folder); null before {@link #start()}. */
    public String password() {
        return password;
    }

    /** What the supervisor knows of the server (running, restarting, failed), for health checks. */
    ServerSupervisor.State supervision() {
        ServerSupervisor s = supervisor;
        return s == null ? new ServerSupervisor.State("stopped", 0, null, java.time.Instant.now()) : s.state();
    }

    public URI uri() {
        ServerLaunch current = launch;
        return current == null ? URI.create("http://127.0.0.1:0") : current.uri();
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
        stopping = true;
        if (supervisor != null) {
            supervisor.close();
            supervisor = null;
        }
        try {
            if (process != null) {
                log.info("Stopping embedded Elasticsearch");
                stop(process);
            }
        } finally {
            letGo();
        }
    }

    /** This app no longer owns the server: its process, shutdown hook and the data folder's lock let go. */
    private void letGo() {
        process = null;
        removeShutdownHook();
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /**
     * As if this app's process had died (SIGKILL): the folder's lock is let go and nothing watches the server,
     * which keeps running. For tests of what the next start does with a server whose owner is gone.
     */
    synchronized void abandon() {
        stopping = true;
        if (supervisor != null) {
            supervisor.close();
        }
        letGo();
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
}
