package org.weightscope.exposure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code weightscope.exposure.*}: limits that keep a hostile or accidental upload from exhausting memory or CPU.
 *
 * @param maxFileSize     largest accepted inventory file (default 5MB)
 * @param maxComponents   most components (BOM components incl. nested, or CSV data rows) per file (default 10,000)
 * @param maxAlternatives alternatives suggested per exposed component (default 3)
 * @param trendThreshold  relative change of 30-day downloads vs. a month earlier that counts as rising/falling
 *                        (default 0.2 = ±20 %; HF 30-day counts are noisy, so small moves are "stable")
 */
@ConfigurationProperties("weightscope.exposure")
public record ExposureSettings(DataSize maxFileSize, int maxComponents, int maxAlternatives, double trendThreshold) {

    public static final DataSize DEFAULT_MAX_FILE_SIZE = DataSize.ofMegabytes(5);
    public static final int DEFAULT_MAX_COMPONENTS = 10_000;
    public static final int DEFAULT_MAX_ALTERNATIVES = 3;
    public static final double DEFAULT_TREND_THRESHOLD = 0.2;

    /** Unset (null/0) values take their defaults, so a partial configuration is enough. */
    public ExposureSettings {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0) maxFileSize = DEFAULT_MAX_FILE_SIZE;
        if (maxComponents <= 0) maxComponents = DEFAULT_MAX_COMPONENTS;
        if (maxAlternatives <= 0) maxAlternatives = DEFAULT_MAX_ALTERNATIVES;
        if (trendThreshold <= 0) trendThreshold = DEFAULT_TREND_THRESHOLD;
    }

    public static ExposureSettings defaults() {
        return new ExposureSettings(null, 0, 0, 0);
    }
}
