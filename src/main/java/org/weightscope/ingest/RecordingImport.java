package org.weightscope.ingest;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.CatalogueService;

/**
 * On an empty store, loads the bundled recordings as dated history (snapshots and events of each recorded
 * day, then each model's latest state) through the crawl path, so a fresh install shows trends offline.
 */
@Component
public class RecordingImport {

    private static final Logger log = LoggerFactory.getLogger(RecordingImport.class);

    private final CatalogueService catalogue;
    private final CrawlService crawls;
    private final RecordingSettings settings;

    RecordingImport(CatalogueService catalogue, CrawlService crawls, RecordingSettings settings) {
        this.catalogue = catalogue;
        this.crawls = crawls;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void importIfEmpty() {
        if (!settings.importOnEmpty() || catalogue.modelCount() > 0) {
            return;
        }
        int imported = importAll();
        log.info("Store was empty: imported {} models from the recordings in {}", imported, settings.dir());
    }

    /** Imports every source's recordings, oldest day first. Returns the number of models then stored. */
    public int importAll() {
        try {
            for (String source : crawls.sources().keySet()) {
                List<CrawlRun> runs = crawls.importRecordings(source, settings.dir());
                log.info("Imported {} recorded days of {}", runs.size(), source);
            }
            return (int) catalogue.modelCount();
        } catch (RuntimeException e) {
            log.error("Could not import the recordings in {}: {}", settings.dir(), e.getMessage(), e);
            return 0;
        }
    }
}
