package org.weightscope.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which models a day's crawl snapshots ({@link SnapshotPolicy}): the popular ones daily, the long tail weekly. */
@Component
class SnapshotCadence {

    private final SnapshotPolicy policy;

    SnapshotCadence(Optional<SnapshotPolicy> policy, Optional<FigureSettings> figures) {
        this.policy = policy.orElse(SnapshotPolicy.defaults());
        int window = figures.orElse(FigureSettings.defaults()).freshnessDays();
        if (this.policy.dailyFromDownloads() > 0 && this.policy.weeklyDays() > window) {
            throw new IllegalArgumentException("weightscope.snapshots.weekly-days (" + this.policy.weeklyDays()
                    + ") must not exceed weightscope.figures.freshness-days (" + window
                    + "): a model would drop out of the figures between its snapshots");
        }
    }

    /**
     * Whether {@code model}, observed on {@code day}, gets no snapshot: below the daily threshold, the newest capture
     * of its stored state {@code prev} still standing and younger than the interval, and its attribution unchanged.
     */
    boolean skips(CatalogueModel model, CatalogueModel prev, LocalDate day) {
        CatalogueModel.Capture last = prev.capture();
        if (policy.dailyFromDownloads() == 0
                || model.figures().downloads30d() == null
                || model.figures().downloads30d() >= policy.dailyFromDownloads()
                || last == null
                || last.day() == null
                || last.ended() != null
                || !day.isAfter(last.day())) {
            return false;
        }
        return ChronoUnit.DAYS.between(last.day(), day) < policy.weeklyDays()
                && Objects.equals(model.attribution(), prev.attribution());
    }

    /** The first day whose snapshots are kept on {@code today} (empty: all are). */
    Optional<LocalDate> keptFrom(LocalDate today) {
        return policy.retentionMonths() == 0
                ? Optional.empty()
                : Optional.of(today.withDayOfMonth(1).minusMonths(policy.retentionMonths()));
    }
}
