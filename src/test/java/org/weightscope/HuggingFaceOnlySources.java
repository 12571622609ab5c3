package org.weightscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sources folder holding only crawlers/huggingface.yaml, for tests whose counts are those of the Hugging
 * Face recordings alone (RecordingHistoryTest's 893 models, one licence change) whatever other sources
 * and recordings crawlers/ gains.
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
