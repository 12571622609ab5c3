package org.weightscope.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security of the embedded server: its own configuration folder ({@code dataDir/config}, a copy of the
 * distribution's, so the shared unpacked server is never written to), and in it the user the app connects as,
 * {@value #USER} (role {@code superuser}, file realm), added with the distribution's
 * {@code bin/elasticsearch-users}, the password given on its standard input. The password is generated once
 * and kept in {@code dataDir/}{@value #PASSWORD_FILE}, readable only by the app's own user (0600), like the
 * admin password's hash; the server's user cannot read it.
 */
final class EmbeddedSecurity {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSecurity.class);
    static final String USER = "weightscope";
    static final String PASSWORD_FILE = "elasticsearch-password";

    private EmbeddedSecurity() {}

    /** The server's configuration folder under {@code dataDir}, copied from the distribution on first use. */
    static Path configDir(Path esHome, Path dataDir) {
        Path config = dataDir.resolve("config");
        if (Files.isRegularFile(config.resolve("elasticsearch.yml"))) {
            return config;
        }
        Path source = esHome.resolve("config");
        try (var walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path to = config.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().equals("elasticsearch.keystore")) {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot copy the Elasticsearch configuration into " + config, e);
        }
        return config;
    }

    /** The app's password for {@value #USER}; on first use generated, given to the server's user file and kept. */
    static String password(Path esHome, Path config, Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file) && userExists(config)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            List<String> args =
                    userExists(config) ? List.of("passwd", USER) : List.of("useradd", USER, "-r", "superuser");
            users(esHome, config, args, password);
            write(file, password);
            log.info("Embedded Elasticsearch: user '{}' set up; its password is kept in {} (0600)", USER, file);
            return password;
        } catch (IOException e) {
            throw new StorageException("cannot keep the Elasticsearch password in " + file, e);
        }
    }

    /** The {@code Authorization} header value of the app's user. */
    static String basicAuth(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean userExists(Path config) throws IOException {
        Path users = config.resolve("users");
        return Files.isRegularFile(users) && Files.readAllLines(users).stream().anyMatch(l -> l.startsWith(USER + ":"));
    }

    /** Runs {@code bin/elasticsearch-users} on {@code config}; the password goes through stdin, never argv. */
    private static void users(Path esHome, Path config, List<String> args, String password) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(esHome.resolve("bin/elasticsearch-users").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(esHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("ES_PATH_CONF", config.toString());
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = builder.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((password + "\n" + password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new StorageException("elasticsearch-users " + args + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while setting up the Elasticsearch user", e);
        }
    }

    private static void write(Path file, String secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
