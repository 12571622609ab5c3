package org.weightscope.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.weightscope.shared.BodyTimeoutException;
import org.weightscope.shared.BodyTooLargeException;
import org.weightscope.storage.StorageException;

/**
 * Errors of every controller (the read API, the exposure report, the admin API, the feeds) as
 * {@code {"error", "parameter"}} JSON: our own words only, never a stack trace or a store message.
 * Controller-local handlers come first; errors no controller sees (Tomcat's, filters') are answered as
 * JSON by the web module. The content type is set on each answer, so an error reaches a caller that asked for CSV
 * instead of turning into a 406.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> badParameter(BadParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null
                ? "another type"
                : switch (e.getRequiredType().getSimpleName()) {
                    case "Integer", "int", "Long", "long" -> "a whole number";
                    default -> "a " + e.getRequiredType().getSimpleName();
                };
        return answer(HttpStatus.BAD_REQUEST, e.getName() + " must be " + expected, e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required", e.getParameterName());
    }

    @ExceptionHandler(ModelNotFoundException.class)
    ResponseEntity<ApiError> notFound(ModelNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    /** Spring Security's firewall refusing a parameter name or value (control characters, unpaired surrogates, …). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ApiError> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return answer(HttpStatus.BAD_REQUEST, "the request contains characters that are not allowed", null);
    }

    /** A query string Tomcat cannot parse (e.g. a parameter without a name, {@code ?=1}). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ApiError> invalidParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "the query string is malformed", null);
    }

    /** An Accept or Content-Type header that is not a media type. */
    @ExceptionHandler({
        org.springframework.util.InvalidMimeTypeException.class,
        org.springframework.http.InvalidMediaTypeException.class
    })
    ResponseEntity<ApiError> invalidMediaType(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, "a media type header (Accept or Content-Type) is malformed", null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return close(answer(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large", null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        ResponseEntity<ApiError> refused = refusedBody(e);
        return refused != null
                ? refused
                : answer(HttpStatus.BAD_REQUEST, "the request body is missing or unreadable", null);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "the multipart part '" + Params.shorten(e.getRequestPartName()) + "' is required",
                e.getRequestPartName());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e) {
        ResponseEntity<ApiError> refused = refusedBody(e);
        return refused != null ? refused : answer(HttpStatus.BAD_REQUEST, "the multipart body is malformed", null);
    }

    /**
     * Spring MVC's own 4xx keep their status; store failures ({@link StorageException}, or the client's
     * {@link ElasticsearchException} for a server-side failure) are 503, worth retrying; a request the
     * store refused as malformed is a 400 (input should never get that far: Params checks it first); a
     * body refused while it was read is a 413 or 408; anything else is a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) { // Spring MVC's own 4xx (e.g. not acceptable)
            HttpStatusCode status = framework.getStatusCode();
            log.debug("API request refused: {}", e.toString());
            return answer(
                    status,
                    framework.getBody().getTitle() == null
                            ? "request refused"
                            : framework.getBody().getTitle().toLowerCase(java.util.Locale.ROOT),
                    null);
        }
        ResponseEntity<ApiError> refused = refusedBody(e);
        if (refused != null) {
            return refused;
        }
        ElasticsearchException store = cause(e, ElasticsearchException.class);
        if (store != null && store.status() >= 400 && store.status() < 500 && store.status() != 429) {
            log.warn("API request refused by Elasticsearch as malformed: {}", store.getMessage());
            return answer(HttpStatus.BAD_REQUEST, "the request cannot be answered with these parameters", null);
        }
        if (fromStore(e)) {
            log.warn("API request failed in Elasticsearch", e);
            return answer(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "the data store is unavailable at the moment; try again later",
                    null);
        }
        log.error("API request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; it has been logged", null);
    }

    /** A failure of the store, recognised by type: ours ({@link StorageException}) or the client's own. */
    static boolean fromStore(Throwable e) {
        return cause(e, StorageException.class) != null
                || cause(e, ElasticsearchException.class) != null
                || cause(e, TransportException.class) != null;
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<ApiError> refusedBody(Throwable e) {
        BodyTooLargeException large = cause(e, BodyTooLargeException.class);
        if (large != null) {
            return close(answer(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "the request body is larger than the limit of " + large.limit() + " bytes",
                    null));
        }
        if (cause(e, BodyTimeoutException.class) != null) {
            return close(answer(HttpStatus.REQUEST_TIMEOUT, "the request body did not arrive in time", null));
        }
        return null;
    }

    private static ResponseEntity<ApiError> close(ResponseEntity<ApiError> answer) {
        return ResponseEntity.status(answer.getStatusCode())
                .header("Connection", "close")
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.getBody());
    }

    private static ResponseEntity<ApiError> answer(HttpStatusCode status, String message, String parameter) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(message, parameter));
    }
}
