package org.weightscope.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the Elasticsearch server on disk: the distribution zip is unpacked once into a cache folder, and when
 * the app runs as root, the server and its data folder are handed to the unprivileged user it will run as.
 * That user is created by the launcher ({@code ./weightscope}, {@code .ci/run}), not here: the app only
 * checks that it exists and says how to create it.
 */
final class ElasticsearchInstaller {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchInstaller.class);
    private static final String MARKER = ".weightscope-unpacked";

    private ElasticsearchInstaller() {}

    /** The unpacked server, unpacking {@code distribution} into {@code home} on first use. */
    static Path unpackOnce(Path distribution, Path home) {
        if (distribution == null || !Files.isRegularFile(distribution)) {
            throw new StorageException("Elasticsearch distribution not found at " + distribution
                    + ". Build with ./weightscope run (Maven resolves it), set"
                    + " weightscope.elasticsearch.embedded.distribution, or use an external cluster"
                    + " (weightscope.elasticsearch.uris).");
        }
        String name = distribution.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = home.resolve(name);
        if (Files.exists(target.resolve(MARKER))) {
            return target;
        }
        log.info("Unpacking {} into {} (once)", distribution, target);
        try {
            Files.createDirectories(home);
            Path tmp = Files.createTempDirectory(home, name + ".partial");
            String top = unzip(distribution, tmp);
            deleteRecursively(target);
            Files.move(tmp.resolve(top), target);
            deleteRecursively(tmp);
            Files.writeString(target.resolve(MARKER), distribution.toString());
            return target;
        } catch (IOException e) {
            throw new StorageException("cannot unpack " + distribution + " into " + home, e);
        }
    }

    /** Unzips into {@code into}; returns the zip's top folder. Scripts under bin/ are made executable. */
    static String unzip(Path distribution, Path into) throws IOException {
        String top = null;
        try (ZipFile zip = new ZipFile(distribution.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
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
                if (entry.getName().contains("/bin/")) {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        return top;
    }

    /** Elasticsearch refuses root: the server runs as {@code user}, who must exist and own its folders. */
    static void handOver(String user, Path... paths) {
        if (exec(List.of("id", "-u", user)) != 0) {
            throw new StorageException("Elasticsearch refuses to run as root, so the embedded server runs as the"
                    + " unprivileged user '" + user + "', and that user does not exist. Create it once (as root):\n"
                    + "  useradd --system --no-create-home --shell /usr/sbin/nologin " + user + "\n"
                    + "(./weightscope and .ci/run do this for you), set weightscope.elasticsearch.embedded.run-as-user"
                    + " to an existing unprivileged user, or run Weightscope as a normal user.");
        }
        for (Path path : paths) {
            if (exec(List.of("chown", "-R", user + ":" + user, path.toString())) != 0) {
                throw new StorageException("cannot give " + path + " to user " + user);
            }
        }
    }

    private static int exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
