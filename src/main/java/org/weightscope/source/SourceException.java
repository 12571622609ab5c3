package org.weightscope.source;

/**
 * A source could not be fetched or its answer could not be read. Always names what failed (URL, selector,
 * field) so an operator can act on the message alone; never carries credentials. Hub packages subclass it,
 * so callers can catch one hub or all of them.
 */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
