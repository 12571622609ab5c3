package org.weightscope.source.browser;

/**
 * A source could not be fetched or its answer could not be read. Always names what failed (file and
 * field, URL, selector) so an operator can act on the message alone; never carries credentials.
 * Each hub package subclasses it, so callers can catch one hub or all of them.
 */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
