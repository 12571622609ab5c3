package org.weightscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sources folder holding only crawlers/huggingface.yaml. The other definition files (modelscope, ollama,
 * openrouter) are in the browser-source format, which SourceDefinitions currently rejects ("rateLimit: 1.0
 * is not <requests>/<s|min|h>"), so a context reading crawlers/ does not start; tests that do not need them
 * point weightscope.sources.dir here.
 */
public final class HuggingFaceOnlySources {

    private HuggingFaceOnlySources() {}

    public static Path dir() {
        try {
            Path dir = Files.createTempDirectory("weightscope-sources");
            Files.copy(Path.of("crawlers/huggingface.yaml"), dir.resolve("huggingface.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
