package org.weightscope.api;

/** A request parameter the API cannot answer; its message is shown to the caller as is, so keep it ours. */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
