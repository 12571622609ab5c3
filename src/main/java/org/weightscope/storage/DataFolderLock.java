package org.weightscope.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Who owns an embedded server's data folder: a lock on {@code dataDir/weightscope.lock} held by the app for as
 * long as it runs. The operating system releases it when the app's process ends, however it ends, so a free
 * lock proves the last owner gone (and its server, if still running, orphaned); a held one names its owner
 * (pid, start time, server port) and is never taken over.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE = "weightscope.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or throws {@link DataFolderInUseException} naming the instance holding it. */
    static DataFolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process, through another server object
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderInUseException(dataDir, owner(file));
            }
            DataFolderLock held = new DataFolderLock(file, channel, lock);
            held.describe("starting");
            return held;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("cannot lock the Elasticsearch data folder " + dataDir + ": " + e, e);
        }
    }

    /** Writes who holds the lock, for the message another instance shows. */
    void describe(String server) {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(Instant::toString).orElse("unknown");
        String text = "pid " + self.pid() + ", started " + started + ", Elasticsearch " + server + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            // the lock itself is what guards the folder; the description is a courtesy
        }
    }

    private static String owner(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "an instance that has not said who it is yet" : text;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    Path path() {
        return file;
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** The data folder belongs to a running instance: this one must not start (and must not stop that one). */
    public static final class DataFolderInUseException extends StorageException {

        DataFolderInUseException(Path dataDir, String owner) {
            super("The Elasticsearch data folder " + dataDir + " is in use by another Weightscope instance (" + owner
                    + "). Not starting: stop that instance first, or give this one another folder"
                    + " (weightscope.elasticsearch.embedded.data-dir).");
        }
    }
}
