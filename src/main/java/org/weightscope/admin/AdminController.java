package org.weightscope.admin;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.alerts.WatchRule;
import org.weightscope.alerts.Watchlist;
import org.weightscope.alerts.WatchlistService;
import org.weightscope.catalogue.Reattribution;
import org.weightscope.scheduling.CrawlScheduler;
import org.weightscope.scheduling.SourceSchedule;

/** Admin actions over HTTP Basic (see {@link SecurityConfiguration}); every change is a POST. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final CrawlScheduler scheduler;
    private final Reattribution reattribution;
    private final WatchlistService watchlists;

    AdminController(CrawlScheduler scheduler, Reattribution reattribution, WatchlistService watchlists) {
        this.scheduler = scheduler;
        this.reattribution = reattribution;
        this.watchlists = watchlists;
    }

    record NewWatchlist(String name, List<WatchRule> rules, String webhookUrl, String secret) {}

    @GetMapping("/sources")
    List<SourceSchedule> sources() {
        return scheduler.schedules();
    }

    @PostMapping("/sources/{source}/run")
    ResponseEntity<Map<String, String>> run(@PathVariable String source, @RequestParam String scope) {
        scheduler.runNow(source, scope);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("source", source, "scope", scope, "status", "started"));
    }

    @PostMapping("/sources/{source}/pause")
    Map<String, String> pause(@PathVariable String source) {
        scheduler.pause(source);
        return Map.of("source", source, "status", "paused");
    }

    @PostMapping("/sources/{source}/resume")
    Map<String, String> resume(@PathVariable String source) {
        scheduler.resume(source);
        return Map.of("source", source, "status", "resumed");
    }

    @PostMapping("/reattribution")
    Reattribution.Result reattribute() {
        return reattribution.reapply();
    }

    @GetMapping("/watchlists")
    List<Watchlist> watchlists() {
        return watchlists.all();
    }

    @PostMapping("/watchlists")
    ResponseEntity<Watchlist> create(@RequestBody NewWatchlist body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(watchlists.create(body.name(), body.rules(), body.webhookUrl(), body.secret()));
    }

    @PostMapping("/watchlists/{id}/delete")
    ResponseEntity<Void> delete(@PathVariable String id) {
        watchlists.delete(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
