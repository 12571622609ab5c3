package org.weightscope.shared;

import java.io.IOException;

/** A request body did not arrive within the time allowed for it (a slow or stalled client): refused with a 408. */
public class BodyTimeoutException extends IOException {

    public BodyTimeoutException(String message) {
        super(message);
    }
}
