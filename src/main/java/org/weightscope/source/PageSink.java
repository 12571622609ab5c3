package org.weightscope.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Receives a walk's pages in order: store the page, then remember {@link SourcePage#resume()}. It also
 * answers the little a source must know of what is already known (it never reads the store itself).
 */
public interface PageSink {

    void page(SourcePage page);

    /** A page was given up on; the walk goes on at {@code resume}. */
    void failed(PageFailure failure, Cursor resume);

    /** A page of token usage (sources that report usage rather than models); stored apart from the catalogue. */
    default void usage(UsagePage page) {
        throw new UnsupportedOperationException("this sink stores models only, not usage page " + page.url());
    }

    /** The namespaces the organisation registry names on {@code hub}, for a scope that follows them. */
    default List<String> trackedNamespaces(String hub) {
        return List.of();
    }

    /**
     * The stored revision ({@link RawItem#sha()}) of each of {@code repoIds} already held, so a source can skip
     * fetching the details of unchanged models; ids not held are absent.
     */
    default Map<String, String> storedRevisions(String hub, Collection<String> repoIds) {
        return Map.of();
    }
}
