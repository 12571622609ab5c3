package org.weightscope.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.weightscope.source.Cursor;
import org.weightscope.source.PageFailure;

/**
 * One crawl (or recording import) of one scope of one source, as stored in the {@code crawl-runs} index. It
 * is rewritten after every stored page, so a run that dies resumes from {@link #cursor}.
 *
 * @param id        {@code <source>:<scope>:<start instant>} or {@code <source>:recording:<day>}
 * @param status    {@link #RUNNING}, {@link #FINISHED} (failures may be listed), {@link #INTERRUPTED} (the
 *                  source became unreachable; the next run of the scope resumes it) or {@link #FAILED}
 * @param day       the day its snapshots are filed under (kept when resumed)
 * @param asOf      the capture time its observations carry (kept when resumed)
 * @param pages     pages stored
 * @param items     models stored (a model listed twice in a run counts twice); usage runs: usage rows stored
 * @param attempts  1, plus one per resumption
 * @param failures  pages given up on: page number, URL, reason
 * @param cursor    where the walk resumes; null once finished
 * @param recorded  true for an import of bundled recordings
 * @param message   last error, if any
 * @param trigger   what started it: {@link #MANUAL}, {@link #SCHEDULED}, {@link #CATCH_UP} (a scheduled run missed
 *                  while the app was down, run at start-up) or {@link #RECORDING}; null in records written
 *                  before it existed
 */
public record CrawlRun(
        String id,
        String sourceId,
        String scope,
        String status,
        LocalDate day,
        Instant asOf,
        Instant startedAt,
        Instant endedAt,
        Instant updatedAt,
        long pages,
        long items,
        int attempts,
        List<Failure> failures,
        Cursor cursor,
        boolean recorded,
        String message,
        String trigger) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String INTERRUPTED = "interrupted";
    public static final String FAILED = "failed";

    public static final String MANUAL = "manual";
    public static final String SCHEDULED = "scheduled";
    public static final String CATCH_UP = "catch-up";
    public static final String RECORDING = "recording";

    public CrawlRun {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** A page given up on. */
    public record Failure(int page, String url, String reason, Instant at) {
        static Failure of(PageFailure f) {
            return new Failure(f.page(), f.url(), f.reason(), Instant.now());
        }
    }

    /** A run just started: no pages yet, at the start cursor, first attempt. */
    static CrawlRun start(
            String id,
            String sourceId,
            String scope,
            LocalDate day,
            Instant asOf,
            Instant now,
            boolean recorded,
            String message,
            String trigger) {
        return new CrawlRun(
                id,
                sourceId,
                scope,
                RUNNING,
                day,
                asOf,
                now,
                null,
                now,
                0,
                0,
                1,
                List.of(),
                Cursor.START,
                recorded,
                message,
                trigger);
    }

    CrawlRun withProgress(long addPages, long addItems, Cursor next) {
        return next(status, endedAt, pages + addPages, items + addItems, attempts, failures, next, message, trigger);
    }

    CrawlRun withFailure(Failure failure, Cursor next) {
        List<Failure> all = new java.util.ArrayList<>(failures);
        all.add(failure);
        return next(status, endedAt, pages, items, attempts, all, next, message, trigger);
    }

    CrawlRun withStatus(String newStatus, String newMessage) {
        Instant ended = RUNNING.equals(newStatus) ? null : Instant.now();
        Cursor kept = FINISHED.equals(newStatus) ? null : cursor;
        return next(newStatus, ended, pages, items, attempts, failures, kept, newMessage, trigger);
    }

    /** Resumed by a run started by {@code by} (the record keeps what started the latest attempt). */
    CrawlRun resumed(String by) {
        return next(RUNNING, null, pages, items, attempts + 1, failures, cursor, message, by);
    }

    /** The same run, updated now, with what a step changed (identity, day and start kept). */
    private CrawlRun next(
            String newStatus,
            Instant newEndedAt,
            long newPages,
            long newItems,
            int newAttempts,
            List<Failure> newFailures,
            Cursor newCursor,
            String newMessage,
            String newTrigger) {
        return new CrawlRun(
                id,
                sourceId,
                scope,
                newStatus,
                day,
                asOf,
                startedAt,
                newEndedAt,
                Instant.now(),
                newPages,
                newItems,
                newAttempts,
                newFailures,
                newCursor,
                recorded,
                newMessage,
                newTrigger);
    }

    /** An exception and its causes' messages, for a run's message: "what failed (why; why)". */
    static String reason(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
            if (!out.toString().contains(m))
                out.append(" (")
                        .append(c.getClass().getSimpleName())
                        .append(": ")
                        .append(m)
                        .append(')');
        }
        return out.toString();
    }

    public boolean finished() {
        return FINISHED.equals(status);
    }
}
