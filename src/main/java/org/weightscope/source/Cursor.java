package org.weightscope.source;

/**
 * Where a walk resumes: the listing (a scope can walk several, e.g. one per tracked namespace), the number
 * of the last page handled in the run, the URL of the next page of that listing (null: start the listing
 * from its first page) and how many items of the listing were already taken (for listings capped at N).
 */
public record Cursor(int listing, int page, String next, long seen) {

    public static final Cursor START = new Cursor(0, 0, null, 0);
}
