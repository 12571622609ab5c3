package org.weightscope.source;

/** The source could not be reached at all (connection refused or reset after every retry): stop, resume later. */
public class SourceUnavailableException extends RuntimeException {

    private final String url;

    public SourceUnavailableException(String url, Throwable cause) {
        super("source unreachable at " + url + ": " + cause, cause);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
