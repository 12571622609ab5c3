package org.weightscope.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code weightscope.snapshots.*}: how often a model is snapshotted and how long snapshots are kept.
 *
 * @param dailyFromDownloads models whose 30-day downloads are below this are snapshotted every {@code weeklyDays}
 *                           days instead of daily (0: every model daily). Their figures then stand for a capture up
 *                           to {@code weeklyDays − 1} days old, which the as-of rule counts as long as it is within
 *                           the freshness window; a model whose attribution changed is snapshotted that day anyway.
 *                           Models without a download figure (router, Ollama) are snapshotted daily.
 * @param weeklyDays         the interval of the others (7; at most the freshness window, or they would drop out)
 * @param retentionMonths    monthly snapshot indices older than this many months are deleted after each complete
 *                           crawl (0: kept forever). The adoption cube keeps the figures of the days it built.
 */
@ConfigurationProperties("weightscope.snapshots")
public record SnapshotPolicy(Long dailyFromDownloads, Integer weeklyDays, Integer retentionMonths) {

    public SnapshotPolicy {
        if (dailyFromDownloads == null) dailyFromDownloads = 0L;
        if (weeklyDays == null) weeklyDays = 7;
        if (retentionMonths == null) retentionMonths = 0;
        if (dailyFromDownloads < 0) {
            throw new IllegalArgumentException("weightscope.snapshots.daily-from-downloads must not be negative");
        }
        if (weeklyDays < 1) {
            throw new IllegalArgumentException("weightscope.snapshots.weekly-days must be at least 1");
        }
        if (retentionMonths < 0) {
            throw new IllegalArgumentException("weightscope.snapshots.retention-months must not be negative");
        }
    }

    public static SnapshotPolicy defaults() {
        return new SnapshotPolicy(null, null, null);
    }
}
