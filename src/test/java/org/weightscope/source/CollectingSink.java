package org.weightscope.source;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps the pages a walk hands on and fails the test on a page given up on. */
public class CollectingSink implements PageSink {

    public final List<SourcePage> pages = new ArrayList<>();

    @Override
    public void page(SourcePage page) {
        pages.add(page);
    }

    @Override
    public void failed(PageFailure failure, Cursor resume) {
        throw new AssertionError(failure.toString());
    }

    /** Every item of the pages, in order. */
    public List<RawItem> items() {
        return pages.stream().flatMap(p -> p.items().stream()).toList();
    }
}
