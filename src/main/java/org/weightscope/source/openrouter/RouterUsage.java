package org.weightscope.source.openrouter;

import java.time.LocalDate;

/**
 * Tokens (prompt + completion) one model served on OpenRouter.
 *
 * @param day       UTC day of the row (Data API), or the day the weekly rankings page was read
 * @param modelSlug the permaslug ("deepseek/deepseek-v3.2-20251201", ":free" variants separate), the page
 *                  path of the model on the rankings page, or {@link #OTHER} for the long-tail row
 * @param tokens    token count; on the rankings page only as precise as the page prints it ("11.1T")
 * @param longTail  true for the aggregated {@code other} row (every model outside the day's top 50)
 * @param window    what period the count covers
 */
public record RouterUsage(LocalDate day, String modelSlug, long tokens, boolean longTail, Window window) {

    /** The reserved permaslug of the long-tail row. */
    public static final String OTHER = "other";

    public enum Window {
        DAY,
        WEEK
    }

    public RouterUsage {
        if (day == null) throw new IllegalArgumentException("day is required");
        if (modelSlug == null || modelSlug.isBlank()) throw new IllegalArgumentException("modelSlug is required");
        if (tokens < 0) throw new IllegalArgumentException("tokens must be >= 0: " + tokens);
        if (window == null) throw new IllegalArgumentException("window is required");
    }
}
