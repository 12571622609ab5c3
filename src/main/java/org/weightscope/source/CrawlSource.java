package org.weightscope.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A source the crawler can walk: one bean per definition file. It fetches page after page and hands each
 * to the sink; it stores nothing. A page that keeps failing is reported and skipped where the source can
 * go on ({@link PageSink#failed}); a server that cannot be reached at all ends the walk with
 * {@link SourceUnavailableException}, so the run can be resumed from its last cursor.
 */
public interface CrawlSource {

    /** The definition id, e.g. {@code huggingface}. */
    String id();

    /** The scopes it can crawl, e.g. {@code tracked} and {@code full}. */
    Set<String> scopes();

    /** Quartz cron of a scope. */
    String schedule(String scope);

    /**
     * Walks {@code scope} from {@code from} ({@link Cursor#START} for a new run). The sink is called after
     * each page is fetched; the cursor in the page is where to resume once that page is stored.
     */
    void crawl(String scope, Cursor from, java.time.Instant asOf, PageSink sink);

    /** Bundled dated recordings of this source, oldest first (empty if it has none). */
    default List<Recording> recordings(Path dir) {
        return List.of();
    }
}
