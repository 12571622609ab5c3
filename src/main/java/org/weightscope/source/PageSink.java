package org.weightscope.source;

/** Receives a walk's pages in order: store the page, then remember {@link SourcePage#resume()}. */
public interface PageSink {

    void page(SourcePage page);

    /** A page was given up on; the walk goes on at {@code resume}. */
    void failed(PageFailure failure, Cursor resume);

    /** A page of token usage (sources that report usage rather than models); stored apart from the catalogue. */
    default void usage(UsagePage page) {
        throw new UnsupportedOperationException("this sink stores models only, not usage page " + page.url());
    }
}
