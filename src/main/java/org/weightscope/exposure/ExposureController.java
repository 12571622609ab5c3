package org.weightscope.exposure;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.weightscope.shared.AnswerFormat;
import org.weightscope.shared.InventoryPost;

/**
 * {@code POST /api/v1/exposure}: an inventory in (CycloneDX JSON/XML or CSV, as the request body or a
 * multipart {@code file}), the exposure report out (JSON, or CSV with {@code format=csv}).
 */
@RestController
class ExposureController {

    private final ExposureService exposure;

    ExposureController(ExposureService exposure) {
        this.exposure = exposure;
    }

    /** The only query parameters: a typo (e.g. {@code orgin=CN}) is a 400, not silently ignored. */
    static final java.util.Set<String> PARAMETERS = java.util.Set.of("origin", "format");

    @PostMapping(path = "/api/v1/exposure", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String origin,
            @RequestParam(required = false) String format,
            HttpServletRequest request)
            throws IOException {
        ResponseEntity<?> refused = checkParameters(request);
        if (refused != null) return refused;
        if (file.isEmpty()) return bad("the inventory file is empty", "file");
        return answer(file.getOriginalFilename(), file.getBytes(), origin, format, request);
    }

    @InventoryPost(path = "/api/v1/exposure")
    ResponseEntity<?> body(
            @RequestBody(required = false) byte[] content,
            @RequestHeader(value = "Content-Type", required = false) String type,
            @RequestParam(required = false) String origin,
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ResponseEntity<?> refused = checkParameters(request);
        if (refused != null) return refused;
        if (content == null || content.length == 0) return bad("the request body is empty: send an inventory", null);
        String name = type != null && type.contains("csv")
                ? "inventory.csv"
                : type != null && type.contains("xml") ? "inventory.xml" : "inventory.json";
        return answer(name, content, origin, format, request);
    }

    private static ResponseEntity<?> checkParameters(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                String shown = name.length() <= 40 ? name : name.substring(0, 40) + "…";
                return bad(
                        "unknown parameter '" + shown.replaceAll("\\p{Cntrl}", "?") + "' (use origin, format)", name);
            }
        }
        return null;
    }

    private ResponseEntity<?> answer(
            String filename, byte[] content, String origin, String format, HttpServletRequest request) {
        String chosen =
                origin == null || origin.isBlank() ? null : origin.trim().toUpperCase(Locale.ROOT);
        if (chosen != null && !java.util.Set.of(Locale.getISOCountries()).contains(chosen)) {
            return bad("origin must be an ISO 3166-1 alpha-2 code", "origin");
        }
        Boolean csv = csv(format, request.getHeader("Accept"));
        if (csv == null) return bad("unknown format (use json or csv)", "format");
        ExposureReport report = exposure.report(filename, content, chosen);
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(exposure.toCsv(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** CSV for {@code format=csv} or an Accept header preferring text/csv; JSON otherwise; null: unknown format. */
    static Boolean csv(String format, String accept) {
        if (format != null) {
            return AnswerFormat.named(format); // null for an unknown one: not unboxed in a conditional expression
        }
        return AnswerFormat.acceptsCsvFirst(accept);
    }

    private static ResponseEntity<Map<String, String>> bad(String message, String parameter) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("error", message);
        if (parameter != null) body.put("parameter", parameter);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @ExceptionHandler(InventoryException.class)
    ResponseEntity<Map<String, String>> invalid(InventoryException e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }
}
