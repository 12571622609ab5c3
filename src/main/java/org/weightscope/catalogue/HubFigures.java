package org.weightscope.catalogue;

import java.time.Instant;

/** The figures a hub reports for a model at one time (what changes between crawls). */
public record HubFigures(
        String gated,
        String sha,
        Instant createdAt,
        Instant lastModified,
        Long downloads30d,
        Long downloadsAllTime,
        Long likes) {}
