package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An {@link Adoption} answer from a raw result: its definition text, coverage and warnings. */
record AdoptionAnswer(FigureSettings settings, String ruleVersion) {

    /** The answer of a query from its raw result, with a note on what was left out appended to the definition. */
    Adoption of(Adoption.Query q, LocalDate at, AdoptionResult r, String note) {
        String definition = q.metric().definition() + note + " Freshness window: " + settings.freshnessDays()
                + " days ending at the as-of day."
                + " Origin view '" + q.view().id() + "': "
                + (q.view() == Adoption.View.UPLOADER
                        ? "the country of the organisation owning the repository's namespace."
                        : "the country of the developer of the root(s) of the model's base-model lineage.")
                + " Unknown organisations are 'unattributed', never guessed.";
        boolean empty = r == null || r.models() == 0;
        return new Adoption(
                q.metric().id(),
                q.metric().version(),
                q.by().id(),
                q.view().id(),
                at,
                empty ? null : r.asOf(),
                empty ? 0 : r.total(),
                empty ? List.of() : r.figures(),
                empty
                        ? Coverage.none(
                                settings.freshnessDays(), r == null ? 0 : r.leftOutStale(), settings.minModels())
                        : coverage(q, r),
                definition,
                ruleVersion);
    }

    /** What a result with models in it was computed over, and the warnings that go with it. */
    private Coverage coverage(Adoption.Query q, AdoptionResult r) {
        Map<String, Long> kinds = new HashMap<>();
        r.sources().forEach((source, n) -> kinds.merge(CaptureKind.of(source).id(), n, Long::sum));
        List<String> kindIds = kinds.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        // counts name no top model (a release count's result carries none; a weighted one does)
        boolean counts = q.metric() == Adoption.Metric.MODELS || (!q.metric().downloads() && r.topModel() == null);
        double topShare = counts || r.downloads() == 0 ? 0 : r.topValue() / r.downloads();
        return new Coverage(
                r.models(),
                r.downloads(),
                r.capturedFrom(),
                r.capturedTo(),
                settings.freshnessDays(),
                r.leftOutStale(),
                kindIds,
                settings.minModels(),
                r.models() < settings.minModels(),
                counts ? null : r.topModel(),
                topShare,
                topShare > settings.dominantShare());
    }
}
