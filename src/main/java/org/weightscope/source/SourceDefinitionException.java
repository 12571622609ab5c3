package org.weightscope.source;

import java.nio.file.Path;

/** A source definition file that cannot be used; the message names the file and the field. */
public class SourceDefinitionException extends RuntimeException {

    private final Path file;
    private final String field;

    public SourceDefinitionException(Path file, String field, String problem) {
        super(file + ": field '" + field + "': " + problem);
        this.file = file;
        this.field = field;
    }

    public SourceDefinitionException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.field = null;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
