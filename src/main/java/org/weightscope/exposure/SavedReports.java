package org.weightscope.exposure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.weightscope.alerts.Alert;
import org.weightscope.alerts.WatchlistService;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.ingest.IngestCompleted;

/**
 * Saved exposure reports: an admin saves an inventory once, and after every crawl run it is recomputed against
 * the catalogue and compared with its stored component snapshot. A component whose licence (id or class) or
 * origin (uploader or lineage view) changed raises one alert through the alerts module; the alert id is a hash
 * of the report, the component and its new values, so re-running a crawl (or a failure between alerting and
 * storing the new snapshot) never alerts twice.
 */
@Service
public class SavedReports {

    /** The alert kind saved reports raise (shown where a watch rule's type is). */
    public static final String ALERT_TYPE = "exposure-change";

    private static final Logger log = LoggerFactory.getLogger(SavedReports.class);

    private final ExposureService exposure;
    private final SavedReportRepository repository;
    private final WatchlistService watchlists;
    private final Clock clock;

    SavedReports(ExposureService exposure, SavedReportRepository repository, WatchlistService watchlists, Clock clock) {
        this.exposure = exposure;
        this.repository = repository;
        this.watchlists = watchlists;
        this.clock = clock;
    }

    /**
     * Computes the report once (which validates the file with the exposure limits) and stores the inventory with
     * its component snapshot.
     *
     * @throws InventoryException       when the inventory is unusable or too large
     * @throws IllegalArgumentException naming the bad parameter
     */
    public SavedReport save(String name, String filename, byte[] content, String origin, String watchlistId) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        String chosen =
                origin == null || origin.isBlank() ? null : origin.strip().toUpperCase(Locale.ROOT);
        if (chosen != null && !Set.of(Locale.getISOCountries()).contains(chosen)) {
            throw new IllegalArgumentException("origin must be an ISO 3166-1 alpha-2 code");
        }
        String watchlist = watchlistId == null || watchlistId.isBlank() ? null : watchlistId.strip();
        if (watchlist != null && watchlists.find(watchlist).isEmpty()) {
            throw new IllegalArgumentException("no watchlist " + watchlist);
        }
        ExposureReport report = exposure.report(filename, content, chosen);
        Instant now = clock.instant();
        SavedReport saved = new SavedReport(
                UUID.randomUUID().toString(),
                name.strip(),
                filename,
                Base64.getEncoder().encodeToString(content),
                chosen,
                watchlist,
                now,
                now,
                report.ruleVersion(),
                snapshot(report));
        repository.save(saved);
        return saved;
    }

    public List<SavedReport> all() {
        return repository.all();
    }

    public Optional<SavedReport> find(String id) {
        return repository.find(id);
    }

    /** @return false when there was no such report */
    public boolean delete(String id) {
        return repository.delete(id);
    }

    /**
     * After the run's commit; a failure never fails the crawl, and is retried from the event publication
     * registry (alert ids hash report, component and values, so a retry raises nothing twice).
     */
    @ApplicationModuleListener
    void on(IngestCompleted run) {
        reevaluate(run.runId());
    }

    /** Recomputes every saved report; returns the alerts raised (new occurrences only). */
    List<Alert> reevaluate(String runId) {
        List<Alert> raised = new ArrayList<>();
        for (SavedReport saved : repository.all()) {
            try {
                raised.addAll(reevaluate(saved, runId));
            } catch (RuntimeException e) {
                // one broken report (e.g. limits lowered since it was saved) must not stop the others
                log.warn("Saved exposure report {} could not be re-evaluated", saved.id(), e);
            }
        }
        if (!raised.isEmpty()) log.info("Run {}: saved exposure reports raised {} alerts", runId, raised.size());
        return raised;
    }

    private List<Alert> reevaluate(SavedReport saved, String runId) {
        ExposureReport report = exposure.report(saved.filename(), saved.inventoryBytes(), saved.origin());
        List<SavedReport.ComponentSnapshot> now = snapshot(report);
        Map<String, SavedReport.ComponentSnapshot> before = new LinkedHashMap<>();
        saved.components().forEach(c -> before.putIfAbsent(c.reference(), c));
        List<Alert> raised = new ArrayList<>();
        for (SavedReport.ComponentSnapshot c : now) {
            SavedReport.ComponentSnapshot old = before.get(c.reference());
            if (old == null || Objects.equals(old.value(), c.value())) continue;
            String modelId = c.hub() == null || c.modelId() == null
                    ? null
                    : CatalogueModel.idPrefix(c.hub()) + ":" + c.modelId();
            watchlists
                    .raise(
                            saved.watchlistId(),
                            "saved-report:" + saved.id(),
                            ALERT_TYPE,
                            c.reference() + "|" + c.value(),
                            title(saved, old, c),
                            "Saved exposure report \"" + saved.name() + "\": " + old.value() + " → " + c.value()
                                    + " (attribution " + report.ruleVersion() + ").",
                            modelId,
                            report.generatedAt(),
                            runId)
                    .ifPresent(raised::add);
        }
        repository.save(saved.withSnapshot(report.generatedAt(), report.ruleVersion(), now));
        return raised;
    }

    /** Names what changed, e.g. "mistralai/Mistral-7B-Instruct-v0.2 in "Prod": lineage origin FR → DE". */
    private static String title(
            SavedReport saved, SavedReport.ComponentSnapshot old, SavedReport.ComponentSnapshot now) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(old.licenceId(), now.licenceId())
                || !Objects.equals(old.licenceClass(), now.licenceClass())) {
            parts.add("licence " + old.licenceId() + " (" + old.licenceClass() + ") → " + now.licenceId() + " ("
                    + now.licenceClass() + ")");
        }
        if (!Objects.equals(old.uploaderOrigin(), now.uploaderOrigin())) {
            parts.add("uploader origin " + old.uploaderOrigin() + " → " + now.uploaderOrigin());
        }
        if (!Objects.equals(old.lineageOrigin(), now.lineageOrigin())) {
            parts.add("lineage origin " + old.lineageOrigin() + " → " + now.lineageOrigin());
        }
        return now.reference() + " in \"" + saved.name() + "\": " + String.join("; ", parts);
    }

    static List<SavedReport.ComponentSnapshot> snapshot(ExposureReport report) {
        return report.components().stream()
                .map(c -> new SavedReport.ComponentSnapshot(
                        c.reference(),
                        c.status(),
                        c.hub(),
                        c.modelId(),
                        c.licenceId(),
                        c.licenceClass(),
                        origins(c.uploaderOrigin()),
                        origins(c.lineageOrigin())))
                .toList();
    }

    /**
     * Stable text of an origin split: countries sorted, shares to 4 decimals, a single full credit as just the
     * country ("FR"); null for none (unresolved).
     */
    static String origins(List<OriginShare> shares) {
        if (shares == null || shares.isEmpty()) return null;
        if (shares.size() == 1 && Math.abs(shares.getFirst().share() - 1.0) < 1e-9)
            return shares.getFirst().country();
        return shares.stream()
                .sorted(Comparator.comparing(OriginShare::country))
                .map(s -> s.country() + ":" + String.format(Locale.ROOT, "%.4f", s.share()))
                .collect(Collectors.joining(","));
    }
}
