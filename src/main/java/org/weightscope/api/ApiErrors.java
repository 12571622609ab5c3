package org.weightscope.api;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.weightscope.storage.StorageException;

/**
 * Errors of the read API as {@code {"error", "parameter"}} JSON: our own words only, never a stack trace or
 * a store message. The content type is set on each answer, so an error reaches a caller that asked for CSV
 * instead of turning into a 406.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> badParameter(BadParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : switch (e.getRequiredType().getSimpleName()) {
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

    /**
     * Store failures are 503 (worth retrying); anything else is a 500. The store's own failures are a
     * {@link StorageException}; the client's errors that reach us unwrapped are recognised by package.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) { // Spring MVC's own 4xx (e.g. not acceptable)
            HttpStatusCode status = framework.getStatusCode();
            log.debug("API request refused: {}", e.toString());
            return answer(status, framework.getBody().getTitle() == null ? "request refused"
                    : framework.getBody().getTitle(), null);
        }
        if (fromStore(e)) {
            log.warn("API request failed in Elasticsearch", e);
            return answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "the data store is unavailable at the moment; try again later", null);
        }
        log.error("API request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; it has been logged", null);
    }

    static boolean fromStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof StorageException || t instanceof IOException || name.startsWith("co.elastic.")
                    || name.startsWith("org.elasticsearch.")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ApiError> answer(HttpStatusCode status, String message, String parameter) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(message, parameter));
    }
}
