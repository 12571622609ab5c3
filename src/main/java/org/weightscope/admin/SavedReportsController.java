package org.weightscope.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.weightscope.exposure.InventoryException;
import org.weightscope.exposure.SavedReport;
import org.weightscope.exposure.SavedReports;
import org.weightscope.shared.InventoryPost;

/**
 * Saved exposure reports over HTTP Basic (see {@link SecurityConfiguration}): the inventory is sent like to
 * {@code POST /api/v1/exposure} (multipart {@code file} or the raw body), with {@code name}, optional
 * {@code origin} and optional {@code watchlist} (whose feed and webhook carry the report's alerts).
 */
@RestController
@RequestMapping("/api/admin/exposure-reports")
class SavedReportsController {

    private static final Logger log = LoggerFactory.getLogger(SavedReportsController.class);

    private final SavedReports reports;

    SavedReportsController(SavedReports reports) {
        this.reports = reports;
    }

    @GetMapping
    List<SavedReport> all() {
        return reports.all();
    }

    @GetMapping("/{id}")
    ResponseEntity<SavedReport> one(@PathVariable String id) {
        return ResponseEntity.of(reports.find(id));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SavedReport> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam String name,
            @RequestParam(required = false) String origin,
            @RequestParam(required = false) String watchlist)
            throws IOException {
        return created(reports.save(name, file.getOriginalFilename(), file.getBytes(), origin, watchlist));
    }

    @InventoryPost
    ResponseEntity<SavedReport> body(
            @RequestBody byte[] content,
            @RequestHeader(value = "Content-Type", required = false) String type,
            @RequestParam String name,
            @RequestParam(required = false) String origin,
            @RequestParam(required = false) String watchlist) {
        // the same file-name hint as the public endpoint: the parser only uses it to warn on contradictions
        String filename = type != null && type.contains("csv")
                ? "inventory.csv"
                : type != null && type.contains("xml") ? "inventory.xml" : "inventory.json";
        return created(reports.save(name, filename, content, origin, watchlist));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return reports.delete(id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** For clients that only POST (as the other admin actions). */
    @PostMapping("/{id}/delete")
    ResponseEntity<Void> deleteByPost(@PathVariable String id) {
        return delete(id);
    }

    private static ResponseEntity<SavedReport> created(SavedReport saved) {
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @ExceptionHandler({InventoryException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> bad(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooBig(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(413).body(Map.of("error", "the inventory file is too large"));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
        log.error("Saved exposure report action failed", e);
        return ResponseEntity.status(503).body(Map.of("error", "the store is unavailable right now; try again"));
    }
}
