package org.weightscope.source;

import java.util.List;

/**
 * One fetched page.
 *
 * @param number the page's number within the run (1-based, counting across listings)
 * @param url    the URL it was fetched from
 * @param items  the models on it, in the order listed
 * @param resume the cursor to store once this page is stored
 */
public record SourcePage(int number, String url, List<RawItem> items, Cursor resume) {

    /** The only page of a one-page listing (a whole catalogue, one search page), fetched after {@code from}. */
    public static SourcePage whole(Cursor from, String url, List<RawItem> items) {
        int number = from.page() + 1;
        return new SourcePage(number, url, items, new Cursor(1, number, null, items.size()));
    }
}
