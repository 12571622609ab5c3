package org.weightscope.source.openrouter;

import org.weightscope.source.SourceException;

/** OpenRouter answered something we cannot use (schema, version, page layout) or could not be reached. */
public class OpenRouterException extends SourceException {

    public OpenRouterException(String message) {
        super(message);
    }

    public OpenRouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
