package org.weightscope.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bcrypt hash of the admin password, kept in {@code <data folder>/admin-password.bcrypt}. A password
 * given by {@code WEIGHTSCOPE_ADMIN_PASSWORD} wins and its hash replaces the file's; without one, the file's
 * hash is used; without a file, a password is generated, logged once (this start only) and only its hash
 * is written. The plain password is never stored.
 */
final class AdminPassword {

    private static final Logger log = LoggerFactory.getLogger(AdminPassword.class);
    static final String FILE = "admin-password.bcrypt";

    private AdminPassword() {}

    static String hash(Path dataDir, String given, PasswordEncoder encoder) {
        Path file = dataDir.resolve(FILE);
        try {
            if (given != null && !given.isBlank()) {
                String hash = encoder.encode(given);
                write(file, hash);
                log.info("Admin password taken from WEIGHTSCOPE_ADMIN_PASSWORD; its hash is in {}", file);
                return hash;
            }
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String hash = encoder.encode(password);
            write(file, hash);
            log.warn("""

                    Generated the admin password (user 'admin'), shown only this once: {}
                    Only its bcrypt hash is kept ({}). Delete that file to get a new one, or set WEIGHTSCOPE_ADMIN_PASSWORD.
                    """, password, file);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin password hash in " + file, e);
        }
    }

    private static void write(Path file, String hash) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, hash + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
