package org.weightscope.source;

/** Receives a walk's pages in order: store the page, then remember {@link SourcePage#resume()}. */
public interface PageSink {

    void page(SourcePage page);

    /** A page was given up on; the walk goes on at {@code resume}. */
    void failed(PageFailure failure, Cursor resume);
}
