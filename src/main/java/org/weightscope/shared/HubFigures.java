package org.weightscope.shared;

import java.time.Instant;

/**
 * The figures a hub reports for a model at one time (what changes between crawls): what a source reads and what
 * the catalogue stores, the one type for both.
 */
public record HubFigures(
        String gated,
        String sha,
        Instant createdAt,
        Instant lastModified,
        Long downloads30d,
        Long downloadsAllTime,
        Long likes) {

    /** No figures at all (a listing that counts nothing). */
    public static final HubFigures NONE = new HubFigures(null, null, null, null, null, null, null);

    /** These figures, each one this lacks taken from {@code earlier} (a crawl that omitted it). */
    public HubFigures orElse(HubFigures earlier) {
        return new HubFigures(
                first(gated, earlier.gated),
                first(sha, earlier.sha),
                first(createdAt, earlier.createdAt),
                first(lastModified, earlier.lastModified),
                first(downloads30d, earlier.downloads30d),
                first(downloadsAllTime, earlier.downloadsAllTime),
                first(likes, earlier.likes));
    }

    private static <T> T first(T value, T earlier) {
        return value != null ? value : earlier;
    }
}
