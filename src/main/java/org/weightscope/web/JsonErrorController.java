package org.weightscope.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.shared.BodyTimeoutException;
import org.weightscope.shared.BodyTooLargeException;

/**
 * {@code /error}, where the servlet container sends every error no controller answered (a filter's refusal,
 * an unknown path outside the views, an exception in a servlet): always the JSON error with the status it
 * was raised with. Reached directly it is a 404, not a 500. Replaces Spring Boot's HTML/JSON error page.
 */
@RestController
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping(path = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable e = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException
                    || t.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload.impl.Size")) {
                status = 413;
                e = null;
                break;
            }
            if (t instanceof BodyTimeoutException) {
                status = 408;
                e = null;
                break;
            }
        }
        if (status < 400) status = 404;
        if (status >= 500) {
            log.error("Request to {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), e);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(JsonErrors.reason(status), null));
    }
}
