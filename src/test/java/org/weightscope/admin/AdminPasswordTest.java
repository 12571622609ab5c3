package org.weightscope.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Generated once and kept as a hash; a given password replaces it. */
class AdminPasswordTest {

    final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @Test
    void aGeneratedPasswordIsKeptAsItsHashAndNotRegenerated(@TempDir Path dir) throws Exception {
        String first = AdminPassword.hash(dir, null, encoder);
        assertThat(first).startsWith("$2");
        assertThat(Files.readString(dir.resolve(AdminPassword.FILE)).strip()).isEqualTo(first);
        assertThat(AdminPassword.hash(dir, "", encoder))
                .as("second start: same hash, nothing generated")
                .isEqualTo(first);
    }

    @Test
    void aGivenPasswordWinsAndReplacesTheStoredHash(@TempDir Path dir) {
        String generated = AdminPassword.hash(dir, null, encoder);
        String given = AdminPassword.hash(dir, "from-env", encoder);
        assertThat(given).isNotEqualTo(generated);
        assertThat(encoder.matches("from-env", given)).isTrue();
        assertThat(AdminPassword.hash(dir, null, encoder)).isEqualTo(given);
    }
}
