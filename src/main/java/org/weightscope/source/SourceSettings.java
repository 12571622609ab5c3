package org.weightscope.source;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir      the folder holding the source definitions {@code <id>.yaml}
 * @param override per source id, fields of its definition replaced before validation, by dotted path:
 *                 {@code weightscope.sources.override.huggingface.base-url=http://127.0.0.1:8089} or
 *                 {@code ….huggingface.retry.backoff=20ms} (a mirror, a replay server in tests). Keys match
 *                 the file's fields ignoring case and dashes.
 */
@ConfigurationProperties("weightscope.sources")
public record SourceSettings(@DefaultValue("crawlers") Path dir, Map<String, Map<String, String>> override) {

    public SourceSettings {
        override = override == null ? Map.of() : Map.copyOf(override);
    }
}
