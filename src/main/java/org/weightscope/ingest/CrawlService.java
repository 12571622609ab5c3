package org.weightscope.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.Organization;
import org.weightscope.source.CrawlSource;
import org.weightscope.source.CrawlSources;
import org.weightscope.source.Cursor;
import org.weightscope.source.PageFailure;
import org.weightscope.source.PageSink;
import org.weightscope.source.RawItem;
import org.weightscope.source.Recording;
import org.weightscope.source.SourcePage;
import org.weightscope.source.SourceUnavailableException;
import org.weightscope.source.UsagePage;
import org.weightscope.storage.StorageException;
import org.weightscope.usage.RouterUsageService;

/**
 * Runs crawls: walks a source's scope page by page, stores each page (snapshots of the run's day, events,
 * latest state) and then the run's cursor, so a run that dies resumes where it stopped. Recordings go
 * through the same path, one run per recorded day. Publishes {@link IngestCompleted} when a run ends.
 */
@Service
public class CrawlService {

    private static final Logger log = LoggerFactory.getLogger(CrawlService.class);
    static final String RECORDING = "recording";
    private static final int RECORDING_PAGE = 1000;

    private final Map<String, CrawlSource> sources = new LinkedHashMap<>();
    private final CatalogueHistory history;
    private final CrawlRuns runs;
    private final IngestEvents events;
    private final RouterUsageService usage;
    private final CatalogueService catalogue;
    // the current rules, not a registry captured at start-up: rules can be reloaded without a restart
    private final AttributionRules rules;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    /** The crawl's day and as-of time (a replay of past days, e.g. the scale benchmark, sets its own). */
    private final java.time.Clock clock;

    CrawlService(
            CrawlSources sources,
            CatalogueHistory history,
            CrawlRuns runs,
            IngestEvents events,
            RouterUsageService usage,
            CatalogueService catalogue,
            AttributionRules rules,
            java.time.Clock clock) {
        this.clock = clock;
        sources.all().forEach(s -> this.sources.put(s.id(), s));
        this.history = history;
        this.runs = runs;
        this.events = events;
        this.usage = usage;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /** Source ids and their scopes, e.g. {@code huggingface → [full, tracked]}. */
    public Map<String, Set<String>> sources() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        sources.forEach((id, s) -> out.put(id, s.scopes()));
        return out;
    }

    /** Quartz cron of a source's scope (from its definition file). */
    public String schedule(String sourceId, String scope) {
        return source(sourceId).schedule(scope);
    }

    /**
     * Crawls one scope of one source to its end and returns the run record. An unfinished run of the same
     * scope (interrupted, or left running by a process that died) is resumed from its cursor, keeping its
     * day, when it is from today or the scope is complete (a whole listing takes longer than a day).
     *
     * @throws IllegalStateException when that scope is already being crawled in this process
     */
    public CrawlRun run(String sourceId, String scope) {
        return run(sourceId, scope, CrawlRun.MANUAL);
    }

    /**
     * {@link #run(String, String)}, recording what started it ({@link CrawlRun#SCHEDULED},
     * {@link CrawlRun#CATCH_UP}, {@link CrawlRun#MANUAL}) in the run record.
     */
    public CrawlRun run(String sourceId, String scope, String trigger) {
        CrawlSource source = source(sourceId);
        if (!source.scopes().contains(scope)) {
            throw new IllegalArgumentException(
                    "source " + sourceId + " has no scope '" + scope + "' " + source.scopes());
        }
        String key = sourceId + ":" + scope;
        if (!active.add(key)) {
            throw new IllegalStateException(key + " is already being crawled");
        }
        try {
            runs.storeUnsaved(); // how earlier runs ended when the store failed under them
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            Optional<CrawlRun> unfinished = runs.latest(sourceId, scope, 1).stream()
                    .filter(r -> CrawlRun.RUNNING.equals(r.status()) || CrawlRun.INTERRUPTED.equals(r.status()))
                    .findFirst();
            CrawlRun run;
            if (unfinished.isPresent() && (unfinished.get().day().equals(today) || source.complete(scope))) {
                run = unfinished.get().resumed(trigger);
                log.info("Resuming crawl run {} at {}", run.id(), run.cursor());
            } else {
                unfinished.ifPresent(
                        old -> runs.save(old.withStatus(CrawlRun.FAILED, "abandoned: a new day's run started")));
                run = CrawlRun.start(key + ":" + now, sourceId, scope, today, now, now, false, null, trigger);
            }
            return walk(source, run);
        } finally {
            active.remove(key);
        }
    }

    private CrawlRun walk(CrawlSource source, CrawlRun start) {
        runs.save(start);
        CrawlRun[] current = {start};
        String provenance = "crawl:" + source.id() + ":" + start.scope();
        try {
            source.crawl(
                    start.scope(),
                    start.cursor() == null ? Cursor.START : start.cursor(),
                    start.asOf(),
                    new PageSink() {
                        @Override
                        public void page(SourcePage page) {
                            List<Observation> items =
                                    new ArrayList<>(page.items().size());
                            for (RawItem item : page.items()) {
                                items.add(Observations.of(item, start.asOf(), false, provenance));
                            }
                            history.apply(items, start.day(), start.id());
                            current[0] = current[0].withProgress(1, page.items().size(), page.resume());
                            runs.save(current[0]);
                        }

                        @Override
                        public void usage(UsagePage page) {
                            // token usage rows, not models: stored apart; items counts the rows
                            int stored = usage.store(page, start.id());
                            current[0] = current[0].withProgress(1, stored, page.resume());
                            runs.save(current[0]);
                        }

                        @Override
                        public void failed(PageFailure failure, Cursor resume) {
                            current[0] = current[0].withFailure(CrawlRun.Failure.of(failure), resume);
                            runs.save(current[0]);
                        }

                        @Override
                        public List<String> trackedNamespaces(String hub) {
                            List<String> out = new ArrayList<>();
                            for (Organization org : rules.current().registry().all()) {
                                out.addAll(org.namespaces().getOrDefault(hub, List.of()));
                            }
                            return out;
                        }

                        @Override
                        public Map<String, String> storedRevisions(String hub, Collection<String> repoIds) {
                            Map<String, String> ids = new LinkedHashMap<>();
                            repoIds.forEach(r -> ids.put(CatalogueModel.idPrefix(hub) + ":" + r, r));
                            Map<String, String> out = new LinkedHashMap<>();
                            catalogue.findAll(List.copyOf(ids.keySet())).forEach((id, m) -> {
                                if (m.figures().sha() != null)
                                    out.put(ids.get(id), m.figures().sha());
                            });
                            return out;
                        }
                    });
            history.refresh();
            history.settle(start.id());
            history.refresh();
            if (source.complete(start.scope()) && current[0].failures().isEmpty()) {
                int removed = history.recordRemovals(source.id(), start.asOf(), start.day(), start.id());
                log.info("Complete crawl {} finished: {} models not listed any more", start.id(), removed);
                history.applyRetention(start.day());
            }
            current[0] = current[0].withStatus(CrawlRun.FINISHED, null);
        } catch (SourceUnavailableException e) {
            log.warn("Crawl run {} interrupted after {} pages: {}", start.id(), current[0].pages(), e.getMessage());
            history.refresh();
            current[0] = current[0].withStatus(CrawlRun.INTERRUPTED, e.getMessage());
        } catch (StorageException e) {
            // the store failed under the run (down, blocked): what was stored stays; the next run does the day again
            log.error("Crawl run {} failed after {} pages: the store failed", start.id(), current[0].pages(), e);
            current[0] = current[0].withStatus(CrawlRun.FAILED, "storage failed: " + CrawlRun.reason(e));
        } catch (RuntimeException e) {
            log.error("Crawl run {} failed after {} pages", start.id(), current[0].pages(), e);
            current[0] = current[0].withStatus(CrawlRun.FAILED, e.toString());
        }
        runs.saveOrKeep(current[0]);
        events.completed(IngestCompleted.of(current[0]));
        log.info(
                "Crawl run {} {}: {} pages, {} models, {} failed pages",
                current[0].id(),
                current[0].status(),
                current[0].pages(),
                current[0].items(),
                current[0].failures().size());
        return current[0];
    }

    /**
     * Loads a source's bundled recordings as history: each recorded day becomes one run (id
     * {@code <source>:recording:<day>}) through the same storing path as a crawl, oldest day first, so the
     * snapshots and events of each day exist and {@code models} ends with each model's latest state. A
     * {@linkplain Recording#complete() complete} recording also records the models it no longer lists as removed.
     */
    public List<CrawlRun> importRecordings(String sourceId, Path dir) {
        CrawlSource source = source(sourceId);
        List<CrawlRun> done = new ArrayList<>();
        for (Recording recording : source.recordings(dir)) {
            Instant asOf = recording.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            CrawlRun run = CrawlRun.start(
                    sourceId + ":" + RECORDING + ":" + recording.day(),
                    sourceId,
                    RECORDING,
                    recording.day(),
                    asOf,
                    clock.instant(),
                    true,
                    String.join(", ", recording.files()),
                    CrawlRun.RECORDING);
            List<Observation> models = new ArrayList<>(recording.models().size());
            for (Recording.Item item : recording.models()) {
                models.add(Observations.of(item.item(), asOf, true, "recording:" + item.file()));
            }
            for (int from = 0; from < models.size(); from += RECORDING_PAGE) {
                List<Observation> page = models.subList(from, Math.min(models.size(), from + RECORDING_PAGE));
                history.apply(page, recording.day(), run.id());
                run = run.withProgress(1, page.size(), null);
            }
            history.refresh();
            history.settle(run.id());
            if (recording.complete()) {
                // a whole listing of that day, as after a finished full crawl: what it lacks was removed
                history.refresh();
                int removed = history.recordRemovals(sourceId, asOf, recording.day(), run.id());
                log.info("Recording {}: {} models not listed any more", run.id(), removed);
            }
            run = run.withStatus(CrawlRun.FINISHED, run.message());
            runs.save(run);
            events.completed(IngestCompleted.of(run));
            done.add(run);
        }
        history.refresh();
        return done;
    }

    public boolean hasRecordings(String sourceId, Path dir) {
        return !source(sourceId).recordings(dir).isEmpty();
    }

    public Optional<CrawlRun> findRun(String runId) {
        return runs.get(runId);
    }

    /** Latest runs of a source and scope (null: any), newest first. */
    public List<CrawlRun> latestRuns(String sourceId, String scope, int size) {
        return runs.latest(sourceId, scope, size);
    }

    private CrawlSource source(String sourceId) {
        CrawlSource source = sources.get(sourceId);
        if (source == null) {
            throw new IllegalArgumentException("no crawl source '" + sourceId + "' (known: " + sources.keySet() + ")");
        }
        return source;
    }
}
