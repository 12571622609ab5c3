package org.weightscope.source.ollama;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * Ollama's library as a crawl source: one scope, {@code newest}, one page (ollama.com/search?o=newest). The
 * page's pull count is ALL-TIME pulls (as rounded on the page, "2.5M"), so it is stored as
 * {@code downloadsAllTime}, never as 30-day downloads; the absolute "updated" time goes to {@code lastModified}.
 * The page is parsed as a whole before anything is handed on: a changed layout fails the run, naming the
 * selector, and stores nothing. Not a complete listing, so no removals are inferred from it.
 */
@Component
public class OllamaSource extends DefinedSource {

    public static final String SCOPE = "newest";

    OllamaSource(SourceSettings settings) {
        super(Ollama.HUB, settings.dir().resolve(Ollama.HUB + ".yaml"), Set.of(SCOPE));
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        SourceDefinition def = definition();
        List<OllamaModel> models = new Ollama(new PoliteHttpClient(def)).fetchNewest();
        String source = "crawl:" + Ollama.HUB + ":" + scope;
        List<Observation> observations = new ArrayList<>(models.size());
        for (OllamaModel m : models) {
            observations.add(new Observation(m.toModelFacts(), figures(m), asOf, false, source));
        }
        sink.page(new SourcePage(from.page() + 1, def.resolve(def.endpoint("search")).toString(), observations,
                new Cursor(1, from.page() + 1, null, models.size())));
    }

    /**
     * The dated saved search pages under {@code <fixtures>/ollama}, parsed with the same selectors as a live
     * page (so they need the definition file: none without it, like the scopes). One newest-first page, not
     * the whole library, so nothing is inferred from the models it leaves out.
     */
    @Override
    public List<Recording> recordings(Path dir) {
        if (scopes().isEmpty()) {
            return List.of();
        }
        SourceDefinition def = definition();
        List<Recording> out = new ArrayList<>();
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, Ollama.HUB, "ollama.com-search_o-newest_", ".html")) {
            Instant asOf = file.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            String source = "recording:" + file.name();
            List<Observation> observations = new ArrayList<>();
            for (OllamaModel m : Ollama.parse(RecordedFiles.read(file), def.resolve(def.endpoint("search")), def)) {
                observations.add(new Observation(m.toModelFacts(), figures(m), asOf, true, source));
            }
            out.add(new Recording(Ollama.HUB, file.day(), List.of(file.name()), observations));
        }
        return out;
    }

    /** Pulls are all-time (not a 30-day window): downloadsAllTime; downloads30d stays null. */
    static HubFigures figures(OllamaModel m) {
        return new HubFigures(null, null, null, m.updatedAt(), null, m.pulls(), null);
    }

}
