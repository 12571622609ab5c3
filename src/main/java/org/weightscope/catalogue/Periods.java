package org.weightscope.catalogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The periods a series is cut into: ISO weeks (as of Sunday) or calendar months (as of their last day). */
public enum Periods {
    WEEK,
    MONTH;

    public String id() {
        return EnumIds.id(this);
    }

    public static Periods of(String id) {
        return EnumIds.of(values(), id, "period");
    }

    /** The first day of the period that ends at {@code day}: 6 days before it, or the first of its month. */
    public LocalDate start(LocalDate day) {
        return this == WEEK ? day.minusDays(6) : day.withDayOfMonth(1);
    }

    /** The last day of each period overlapping [from, to], the last one clipped to {@code to}. */
    public List<LocalDate> ends(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = this == WEEK
                ? from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : from.with(TemporalAdjusters.lastDayOfMonth());
        for (; ; d = this == WEEK ? d.plusWeeks(1) : d.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth())) {
            if (!d.isBefore(to)) {
                out.add(to);
                return out;
            }
            out.add(d);
        }
    }
}
