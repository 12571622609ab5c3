package org.weightscope.source.modelscope;

import org.weightscope.source.SourceException;

/** ModelScope answered something we cannot use, or paging went wrong. */
public class ModelScopeException extends SourceException {

    public ModelScopeException(String message) {
        super(message);
    }

    public ModelScopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
