package org.weightscope.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.ingest.IngestCompleted;

/**
 * Evaluates every watchlist's rules after each crawl run. Event rules look at the events the run wrote;
 * the share and top-N rules at the catalogue's latest state against what the rule remembered. Each
 * occurrence has a key (event id; origin and ISO week; model entering the top N on a day), and the alert id
 * is a hash of rule id and key, stored with create-if-absent: re-running a crawl alerts nothing twice.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final int MAX_EVENTS = 10_000;

    private final AlertRepository repository;
    private final CatalogueHistory history;
    private final CatalogueService catalogue;
    private final AdoptionService adoption;
    private final WebhookDelivery webhooks;
    private final Clock clock;

    AlertEvaluator(
            AlertRepository repository,
            CatalogueHistory history,
            CatalogueService catalogue,
            AdoptionService adoption,
            WebhookDelivery webhooks,
            Clock clock) {
        this.repository = repository;
        this.history = history;
        this.catalogue = catalogue;
        this.adoption = adoption;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * After the run's commit; a failure never fails the crawl, and is retried from the event publication
     * registry (alert ids are deterministic, so a retry raises nothing twice).
     */
    @ApplicationModuleListener
    void on(IngestCompleted run) {
        evaluate(run);
    }

    /** The alerts this run raised (new occurrences only). */
    List<Alert> evaluate(IngestCompleted run) {
        List<Watchlist> watchlists = repository.watchlists();
        if (watchlists.stream().allMatch(w -> w.rules().isEmpty())) {
            return List.of();
        }
        Supplier<List<ModelEvent>> events = memo(() -> history.eventsOfRun(run.runId(), MAX_EVENTS));
        List<Alert> raised = new ArrayList<>();
        for (Watchlist w : watchlists) {
            for (WatchRule rule : w.rules()) {
                for (Alert alert : occurrences(w, rule, run, events)) {
                    if (repository.createIfAbsent(alert)) {
                        raised.add(alert);
                        if (w.hasWebhook()) {
                            webhooks.submit(alert, w);
                        }
                    }
                }
            }
        }
        if (!raised.isEmpty()) {
            log.info("Run {} raised {} alerts", run.runId(), raised.size());
        }
        return raised;
    }

    private List<Alert> occurrences(
            Watchlist w, WatchRule rule, IngestCompleted run, Supplier<List<ModelEvent>> events) {
        List<Alert> out = new ArrayList<>();
        switch (rule.type()) {
            case WatchRule.ORGANISATION_RELEASE ->
                events.get().stream()
                        .filter(e -> ModelEvent.RELEASE.equals(e.type()))
                        .filter(e -> rule.organisation().equalsIgnoreCase(e.author()))
                        .forEach(e -> out.add(alert(
                                w,
                                rule,
                                e.id(),
                                e.author() + " released " + e.repoId(),
                                "New model " + e.repoId() + " on " + e.hub() + " ("
                                        + (e.pipelineTag() == null ? "no task" : e.pipelineTag()) + ").",
                                e.modelId(),
                                e.at(),
                                run)));
            case WatchRule.MODEL_CHANGE ->
                events.get().stream()
                        .filter(e ->
                                ModelEvent.LICENCE_CHANGE.equals(e.type()) || ModelEvent.GATED_CHANGE.equals(e.type()))
                        .filter(e -> rule.models().contains(e.modelId()))
                        .forEach(e -> out.add(alert(
                                w,
                                rule,
                                e.id(),
                                (ModelEvent.LICENCE_CHANGE.equals(e.type()) ? "Licence" : "Gating") + " of "
                                        + e.repoId() + " changed: " + e.oldValue() + " → " + e.newValue(),
                                "Detected on " + e.day() + " by run " + e.runId() + ".",
                                e.modelId(),
                                e.at(),
                                run)));
            case WatchRule.ORIGIN_SHARE_MOVE -> out.addAll(shareMoves(w, rule, run));
            case WatchRule.TOP_N -> out.addAll(topEntries(w, rule, run));
            default -> log.warn("Unknown rule type {} in watchlist {}", rule.type(), w.id());
        }
        return out;
    }

    /**
     * Remembers today's origin shares (lineage view) and compares them with the newest remembered day at least
     * a week earlier. The catalogue answers shares over the latest state only, so the rule keeps its own
     * daily samples; the first week after a rule is created has nothing to compare with.
     */
    private List<Alert> shareMoves(Watchlist w, WatchRule rule, IngestCompleted run) {
        Adoption.Metric metric = Adoption.Metric.of(rule.metric() == null ? "downloads-30d" : rule.metric());
        LocalDate day = run.day() == null ? LocalDate.now(clock) : run.day();
        Adoption now = adoption.asOf(
                new Adoption.Query(metric, Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE, Map.of(), 100));
        Map<String, Double> shares = new LinkedHashMap<>();
        now.figures().forEach(f -> shares.put(f.key(), f.share()));
        repository.save(new AlertRepository.RuleState(rule.id() + ":" + day, rule.id(), day, shares, List.of()));
        Optional<AlertRepository.RuleState> before = repository.sharesOnOrBefore(rule.id(), day.minusDays(7));
        if (before.isEmpty()) {
            return List.of();
        }
        List<Alert> out = new ArrayList<>();
        Set<String> origins = new HashSet<>(shares.keySet());
        origins.addAll(before.get().shares().keySet());
        String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        for (String origin : origins.stream().sorted().toList()) {
            double then = 100 * before.get().shares().getOrDefault(origin, 0.0);
            double current = 100 * shares.getOrDefault(origin, 0.0);
            if (Math.abs(current - then) > rule.points()) {
                out.add(alert(
                        w,
                        rule,
                        origin + ":" + week,
                        String.format(
                                Locale.ROOT,
                                "Share of %s in %s moved %+.1f points",
                                origin,
                                metric.id(),
                                current - then),
                        String.format(
                                Locale.ROOT,
                                "%.1f%% on %s, %.1f%% on %s (lineage view).",
                                then,
                                before.get().day(),
                                current,
                                day),
                        null,
                        now.asOf(),
                        run));
            }
        }
        return out;
    }

    /** Models in the top N now that were not at the previous evaluation (the first one only remembers). */
    private List<Alert> topEntries(Watchlist w, WatchRule rule, IngestCompleted run) {
        List<CatalogueModel> top = catalogue.topModels(rule.top());
        List<String> members = top.stream().map(CatalogueModel::id).toList();
        String stateId = rule.id() + ":top";
        Optional<AlertRepository.RuleState> previous = repository.state(stateId);
        repository.save(new AlertRepository.RuleState(stateId, rule.id(), run.day(), Map.of(), members));
        if (previous.isEmpty()) {
            return List.of();
        }
        Set<String> before = new HashSet<>(previous.get().members());
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            CatalogueModel m = top.get(i);
            if (!before.contains(m.id())) {
                out.add(alert(
                        w,
                        rule,
                        m.id() + ":" + run.day(),
                        m.repoId() + " entered the top " + rule.top(),
                        "Rank " + (i + 1) + " by 30-day downloads.",
                        m.id(),
                        m.asOf(),
                        run));
            }
        }
        return out;
    }

    private Alert alert(
            Watchlist w,
            WatchRule rule,
            String occurrence,
            String title,
            String summary,
            String modelId,
            Instant at,
            IngestCompleted run) {
        return Alert.raised(
                w.id(),
                w.hasWebhook(),
                rule.id(),
                rule.type(),
                new Alert.Occurrence(occurrence, title, summary, modelId, at),
                clock.instant(),
                run.runId());
    }

    /** Deterministic: the same rule and occurrence always give the same id. */
    static String alertId(String ruleId, String occurrence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "\n" + occurrence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            T value;

            @Override
            public T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }
}
