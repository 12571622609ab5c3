package org.weightscope.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's pid file ({@code dataDir/logs/es.pid}, written by Elasticsearch itself with {@code -p}):
 * how the app finds its server, and a server left behind by a run that was killed hard. Only an Elasticsearch
 * process that was already running when the file was written counts (a pid may have been reused, even by
 * another Elasticsearch, but only by a process started later), and it is only ever stopped once the folder's
 * {@link DataFolderLock} proved its owner gone.
 */
final class PidFile {

    private static final Logger log = LoggerFactory.getLogger(PidFile.class);

    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("logs").resolve("es.pid");
    }

    Path path() {
        return file;
    }

    Optional<Long> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<ProcessHandle> server() {
        return read().flatMap(ProcessHandle::of).filter(this::ours);
    }

    /**
     * A server from a run whose app died (the caller holds the folder's lock, so its owner is gone) still holds
     * the data folder: stop it (and its launcher) first.
     */
    void stopStaleServer(Duration timeout) {
        Optional<ProcessHandle> stale = server().filter(ProcessHandle::isAlive);
        if (stale.isPresent()) {
            ProcessHandle server = stale.get();
            log.warn(
                    "Found Elasticsearch (pid {}) left running by an earlier run ({}); stopping it",
                    server.pid(),
                    file);
            Optional<ProcessHandle> launcher = server.parent().filter(this::ours);
            server.destroy();
            try {
                server.onExit().get(timeout.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                server.destroyForcibly();
            }
            launcher.ifPresent(ProcessHandle::destroy);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file we cannot delete is overwritten by the next server
        }
    }

    private boolean ours(ProcessHandle p) {
        boolean elasticsearch =
                p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false);
        Optional<Instant> started = p.info().startInstant();
        try {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            // start times are kept in clock ticks: a second of slack
            return elasticsearch && started.isPresent() && !started.get().isAfter(written.plusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }
}
