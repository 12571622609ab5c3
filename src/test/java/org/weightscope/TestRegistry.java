package org.weightscope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throw-away copy of the shipped rule files (crawlers/registry), for tests that edit the registry. */
public final class TestRegistry {

    private TestRegistry() {}

    public static Path copy() {
        try {
            Path dir = Files.createTempDirectory("weightscope-registry");
            for (String f : List.of("organizations.yaml", "licences.yaml", "sectors.yaml")) {
                Files.copy(Path.of("crawlers/registry", f), dir.resolve(f));
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
