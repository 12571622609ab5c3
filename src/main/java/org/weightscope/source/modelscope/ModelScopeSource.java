package org.weightscope.source.modelscope;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.HubFigures;
import org.weightscope.source.Cursor;
import org.weightscope.source.PageSink;
import org.weightscope.source.RecordedFiles;
import org.weightscope.source.Recording;
import org.weightscope.source.SourcePage;
import org.weightscope.source.SourceSettings;
import org.weightscope.source.browser.DefinedSource;
import org.weightscope.source.browser.PoliteHttpClient;
import org.weightscope.source.browser.SourceDefinition;

/**
 * ModelScope's listing as a crawl source: scope {@code full}, the whole listing page by page until a page
 * is empty (so a finished run lets ingest record models no longer listed). ModelScope's {@code Downloads}
 * is a cumulative counter, stored as {@code downloadsAllTime} with {@code downloads30d} left null;
 * {@code Stars} (ModelScope's likes) as {@code likes}. The cursor's page is the last page handed on.
 */
@Component
public class ModelScopeSource extends DefinedSource {

    public static final String SCOPE = "full";

    ModelScopeSource(SourceSettings settings) {
        super(ModelScope.HUB, settings.dir().resolve(ModelScope.HUB + ".yaml"), Set.of(SCOPE));
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        SourceDefinition def = definition();
        ModelScopeClient client = new ModelScopeClient(new PoliteHttpClient(def));
        String url = "PUT " + def.resolve(def.endpoint("models"));
        String source = "crawl:" + ModelScope.HUB + ":" + scope;
        String previousFirst = null;
        long seen = from.seen();
        for (int page = from.page() + 1; ; page++) {
            if (page > ModelScopeClient.MAX_PAGES) {
                throw new ModelScopeException("modelscope: more than " + ModelScopeClient.MAX_PAGES + " pages; stopping");
            }
            ListingPage p = client.page(page);
            if (p.models().isEmpty()) return;
            String first = p.models().getFirst().repoId();
            // the same page twice means PageNumber is being ignored: fail rather than store duplicates
            if (Objects.equals(first, previousFirst)) {
                throw new ModelScopeException("modelscope: page " + page + " repeats page " + (page - 1) + " (first model " + first + ")");
            }
            previousFirst = first;
            List<Observation> observations = new ArrayList<>(p.models().size());
            for (ScopeModel m : p.models()) {
                observations.add(new Observation(m.toModelFacts(), figures(m), asOf, false, source));
            }
            seen += observations.size();
            sink.page(new SourcePage(page, url + " PageNumber=" + page, observations, new Cursor(0, page, null, seen)));
        }
    }

    /**
     * The dated listing bodies under {@code <fixtures>/modelscope}. Each is one page of a filtered listing
     * (e.g. tag lora), not the whole listing, so nothing is inferred from the models it leaves out. None when
     * this source has no definition file, like its scopes.
     */
    @Override
    public List<Recording> recordings(Path dir) {
        if (scopes().isEmpty()) {
            return List.of();
        }
        List<Recording> out = new ArrayList<>();
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, ModelScope.HUB, "dolphin-models_", ".json")) {
            Instant asOf = file.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            String source = "recording:" + file.name();
            List<Observation> observations = new ArrayList<>();
            for (ScopeModel m : ModelScope.parse(RecordedFiles.read(file))) {
                observations.add(new Observation(m.toModelFacts(), figures(m), asOf, true, source));
            }
            out.add(new Recording(ModelScope.HUB, file.day(), List.of(file.name()), observations));
        }
        return out;
    }

    /** Downloads are cumulative: downloadsAllTime only, never a 30-day figure. */
    static HubFigures figures(ScopeModel m) {
        return new HubFigures(null, null, m.created(), m.lastUpdated(), null, m.downloads(), m.stars());
    }

}
