package org.weightscope.exposure;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/exposure}: an inventory in (CycloneDX JSON/XML or CSV, as the request body or a
 * multipart {@code file}), the exposure report out (JSON, or CSV with {@code format=csv}).
 */
@RestController
class ExposureController {

    private static final Logger log = LoggerFactory.getLogger(ExposureController.class);
    private final ExposureService exposure;

    ExposureController(ExposureService exposure) {
        this.exposure = exposure;
    }

    @PostMapping(path = "/api/v1/exposure", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String origin,
            @RequestParam(required = false) String format) throws IOException {
        return answer(file.getOriginalFilename(), file.getBytes(), origin, format);
    }

    @PostMapping(path = "/api/v1/exposure", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.cyclonedx+json", "application/vnd.cyclonedx+xml"})
    ResponseEntity<?> body(@RequestBody byte[] content, @RequestHeader(value = "Content-Type", required = false) String type,
            @RequestParam(required = false) String origin, @RequestParam(required = false) String format) {
        String name = type != null && type.contains("csv") ? "inventory.csv"
                : type != null && type.contains("xml") ? "inventory.xml" : "inventory.json";
        return answer(name, content, origin, format);
    }

    private ResponseEntity<?> answer(String filename, byte[] content, String origin, String format) {
        String chosen = origin == null || origin.isBlank() ? null : origin.trim().toUpperCase(Locale.ROOT);
        if (chosen != null && !java.util.Set.of(Locale.getISOCountries()).contains(chosen)) {
            return ResponseEntity.badRequest().body(Map.of("error", "origin must be an ISO 3166-1 alpha-2 code", "parameter", "origin"));
        }
        ExposureReport report = exposure.report(filename, content, chosen);
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(exposure.toCsv(report));
        }
        return ResponseEntity.ok(report);
    }

    @ExceptionHandler(InventoryException.class)
    ResponseEntity<Map<String, String>> invalid(InventoryException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooBig(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(413).body(Map.of("error", "the inventory file is too large"));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, String>> failed(RuntimeException e) {
        log.error("Exposure report failed", e);
        return ResponseEntity.status(503).body(Map.of("error", "the report could not be computed right now; try again"));
    }
}
