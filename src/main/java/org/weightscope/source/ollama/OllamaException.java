package org.weightscope.source.ollama;

import org.weightscope.source.SourceException;

/** ollama.com could not be fetched, or its page no longer has the shape our selectors expect. */
public class OllamaException extends SourceException {

    public OllamaException(String message) {
        super(message);
    }

    public OllamaException(String message, Throwable cause) {
        super(message, cause);
    }
}
