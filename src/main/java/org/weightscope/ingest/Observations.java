package org.weightscope.ingest;

import java.time.Instant;
import java.util.Map;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.source.RawItem;

/** Where a source's raw item becomes a catalogue observation: its facts, its figures and where it was seen. */
final class Observations {

    private Observations() {}

    /**
     * @param recorded true for an item of a bundled recording
     * @param source   {@code crawl:<source>:<scope>} or {@code recording:<file>}
     */
    static Observation of(RawItem i, Instant asOf, boolean recorded, String source) {
        ModelFacts facts = new ModelFacts(
                i.hub(),
                i.repoId(),
                i.author(),
                i.pipelineTag(),
                i.libraryName(),
                i.tags(),
                i.cardData(),
                i.safetensorsParameters(),
                i.totalParameters(),
                i.ggufFileBytes(),
                i.cardText(),
                Map.of()); // a raw item lists no files
        return new Observation(facts, i.figures(), asOf, recorded, source);
    }
}
