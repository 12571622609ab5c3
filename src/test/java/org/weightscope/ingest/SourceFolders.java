package org.weightscope.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary sources folder holding copies of the given definition files only, for tests that pick their hubs. */
final class SourceFolders {

    static final Path DECLARED_ROUTER =
            Path.of("src/test/resources/org/weightscope/source/declared/routercatalogue.yaml");

    private SourceFolders() {}

    static String of(Path... definitions) {
        try {
            Path dir = Files.createTempDirectory("weightscope-sources");
            for (Path d : definitions) Files.copy(d, dir.resolve(d.getFileName()));
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
