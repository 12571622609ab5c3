package org.weightscope.exposure;

/**
 * The file as a whole cannot be used (too big, unknown format, refused XML…). The message is written for the
 * person who uploaded it and may be shown as is; it never contains file content beyond a short excerpt.
 */
public class InventoryException extends RuntimeException {

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
