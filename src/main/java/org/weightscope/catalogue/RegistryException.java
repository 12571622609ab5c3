package org.weightscope.catalogue;

import java.util.List;

/** A registry or rule file that cannot be used; {@link #errors()} name the entry and field. */
public class RegistryException extends RuntimeException {

    private final List<String> errors;

    public RegistryException(String source, List<String> errors) {
        super(source + ": " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** A single problem (bad file, unreadable YAML); {@code cause} may be null. */
    public RegistryException(String message) {
        this(message, (Throwable) null);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.errors = List.of(message);
    }

    public List<String> errors() {
        return errors;
    }
}
