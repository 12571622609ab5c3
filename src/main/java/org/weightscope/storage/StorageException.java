package org.weightscope.storage;

/** Elasticsearch could not be started, reached or prepared. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
