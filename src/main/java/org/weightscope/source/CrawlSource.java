package org.weightscope.source;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A source the crawler can walk, built from its definition file by {@link CrawlSources}. It fetches page after
 * page and hands each to the sink; it stores nothing. A page that keeps failing is reported and skipped where
 * the source can go on ({@link PageSink#failed}); a server that cannot be reached at all ends the walk with
 * {@link SourceUnavailableException}, so the run can be resumed from its last cursor.
 */
public interface CrawlSource {

    SourceDefinition definition();

    /** The definition id, e.g. {@code huggingface}. */
    default String id() {
        return definition().id();
    }

    /** The scopes it can crawl, e.g. {@code tracked} and {@code full}. */
    default Set<String> scopes() {
        return definition().scopes().keySet();
    }

    /** Quartz cron of a scope. */
    default String schedule(String scope) {
        return definition().scope(scope).schedule();
    }

    /** Whether a finished crawl of the scope is the whole listing (so what it lacks was removed). */
    default boolean complete(String scope) {
        return definition().scope(scope).complete();
    }

    /**
     * Walks {@code scope} from {@code from} ({@link Cursor#START} for a new run). The sink is called after
     * each page is fetched; the cursor in the page is where to resume once that page is stored.
     */
    void crawl(String scope, Cursor from, Instant asOf, PageSink sink);

    /** Bundled dated recordings of this source, oldest first (empty if it has none). */
    default List<Recording> recordings(Path dir) {
        return List.of();
    }
}
