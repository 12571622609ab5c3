package org.weightscope.source;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param dir the folder holding the source definitions {@code <id>.yaml} */
@ConfigurationProperties("weightscope.sources")
public record SourceSettings(@DefaultValue("crawlers") Path dir) {}
