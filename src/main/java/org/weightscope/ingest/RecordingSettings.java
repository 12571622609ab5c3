package org.weightscope.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir          the bundled recordings (see crawlers/fixtures/PROVENANCE.md)
 * @param importOnEmpty load them as dated history when the store holds no model yet
 */
@ConfigurationProperties("weightscope.recordings")
public record RecordingSettings(
        @DefaultValue("crawlers/fixtures") Path dir,
        @DefaultValue("true") boolean importOnEmpty) {}
