package org.weightscope.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.CatalogueService.Observation;

/** On an empty store, loads the bundled recordings so a fresh install shows real, dated data. */
@Component
public class RecordingImport {

    private static final Logger log = LoggerFactory.getLogger(RecordingImport.class);

    private final CatalogueService catalogue;
    private final RecordingSettings settings;
    private final HubRecordings recordings = new HubRecordings();

    RecordingImport(CatalogueService catalogue, RecordingSettings settings) {
        this.catalogue = catalogue;
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

    /** Imports every recording; a model's latest recording wins. Returns the number of models stored. */
    public int importAll() {
        try {
            Map<String, Observation> latest = new LinkedHashMap<>();
            for (HubRecordings.Recording recording : recordings.readAll(settings.dir())) {
                for (Observation model : recording.models()) {
                    latest.put(model.facts().repoId(), model);
                }
            }
            List<CatalogueModel> described = catalogue.describe(List.copyOf(latest.values()));
            catalogue.save(described);
            return latest.size();
        } catch (IOException e) {
            log.error("Could not read the recordings in {}: {}", settings.dir(), e.getMessage());
            return 0;
        }
    }
}
