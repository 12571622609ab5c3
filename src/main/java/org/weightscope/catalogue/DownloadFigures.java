package org.weightscope.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The anchors' figures over 30-day downloads, from the snapshots under the as-of rule: concentration of a
 * downloads figure, downloads of models in their first year, and the flagged part of a downloads figure.
 */
@Component
class DownloadFigures {

    private final AdoptionService adoption;

    DownloadFigures(AdoptionService adoption) {
        this.adoption = adoption;
    }

    Adoption concentration(Adoption.Query q, LocalDate day) {
        Adoption.Query downloads =
                new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, q.by(), q.view(), q.filters(), 1000);
        Adoption a = adoption.asOf(downloads, day);
        Set<String> unknown = Set.of(Attribution.UNATTRIBUTED, "unknown");
        List<Double> values = a.figures().stream()
                .filter(f -> !unknown.contains(f.key()) && f.value() > 0)
                .map(Adoption.Figure::value)
                .toList();
        double attributed = values.stream().mapToDouble(Double::doubleValue).sum();
        double hhi = AnchorMetrics.round4(Concentration.hhi(values));
        double gini = AnchorMetrics.round4(Concentration.gini(values));
        List<Adoption.Figure> figures = a.coverage().empty()
                ? List.of()
                : List.of(new Adoption.Figure("hhi", hhi, hhi), new Adoption.Figure("gini", gini, gini));
        String note = " Over " + values.size() + " keys holding " + Math.round(attributed) + " of "
                + Math.round(a.total()) + " downloads; the rest are unattributed or unknown and left out.";
        return new Adoption(
                q.metric().id(),
                q.metric().version(),
                q.by().id(),
                q.view().id(),
                a.at(),
                a.asOf(),
                Math.round(attributed),
                figures,
                a.coverage(),
                q.metric().definition() + note + " " + a.definition(),
                a.ruleVersion());
    }

    /** Downloads-30d restricted to the models in their first 365 days after release on the day. */
    Adoption firstYear(Adoption.Query q, LocalDate day, List<Release> all, String undated) {
        List<String> young = all.stream()
                .filter(r -> inFirstYear(r, day))
                .map(Release::modelId)
                .toList();
        String note = " " + young.size() + " models were in their first year on the day." + undated;
        if (young.isEmpty()) {
            return adoption.answer(q, day, null, note);
        }
        AdoptionResult r = downloadsOf(q, q.top(), day, young);
        return adoption.answer(q, day, r, note);
    }

    /** How much of a downloads figure comes from flagged models (null for a figure that is not of downloads). */
    AnchorMetrics.Flagged flagged(Adoption answer, Adoption.Query q, List<Release> all) {
        if (!q.metric().downloads() || q.metric() == Adoption.Metric.CONCENTRATION || answer.at() == null) return null;
        Map<String, List<String>> byFlag = new LinkedHashMap<>();
        LocalDate day = answer.at();
        for (Release r : all) {
            if (q.metric() == Adoption.Metric.DOWNLOADS_FIRST_YEAR && !inFirstYear(r, day)) continue;
            for (String f : DownloadQuality.flags(r))
                byFlag.computeIfAbsent(f, k -> new ArrayList<>()).add(r.modelId());
        }
        List<String> any =
                byFlag.values().stream().flatMap(List::stream).distinct().collect(Collectors.toList());
        AdoptionResult flagged = downloadsOf(q, 1, day, any);
        Map<String, Double> shares = new TreeMap<>();
        byFlag.forEach((flag, ids) ->
                shares.put(flag, share(downloadsOf(q, 1, day, ids).downloads(), answer)));
        return new AnchorMetrics.Flagged(
                flagged.downloads(), share(flagged.downloads(), answer), flagged.models(), shares);
    }

    private static double share(double downloads, Adoption answer) {
        return answer.coverage().downloads() == 0
                ? 0
                : AnchorMetrics.round4(downloads / answer.coverage().downloads());
    }

    /** Released on or before the day and at most 365 days before it. */
    static boolean inFirstYear(Release r, LocalDate day) {
        return r.released() != null && !r.released().isAfter(day) && ChronoUnit.DAYS.between(r.released(), day) <= 365;
    }

    /** The downloads-30d figure of the query's dimension as of the day over only these models. */
    private AdoptionResult downloadsOf(Adoption.Query q, int top, LocalDate day, List<String> ids) {
        if (ids.isEmpty()) {
            return ReleaseFigures.NONE;
        }
        Adoption.Query downloads =
                new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, q.by(), q.view(), q.filters(), top);
        return adoption.ofModels(downloads, List.of(day), ids).get(day);
    }
}
