package org.weightscope.shared;

import java.io.IOException;

/** A request body passed the limit of its route while it was being read: the request is refused with a 413. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
