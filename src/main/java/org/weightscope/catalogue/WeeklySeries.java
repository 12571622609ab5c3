package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.weightscope.catalogue.AdoptionService.Point;
import org.weightscope.catalogue.AdoptionService.Sample;
import org.weightscope.catalogue.AdoptionService.Series;

/**
 * The weekly series behind {@link AdoptionService#weekly}: every model of each point from the cube, and a constant
 * sample (only the models counted in every point with data) from groups of those models' snapshots.
 *
 * <p>With the cube, each point's model-set fingerprint says whether the sample changes at all: when it does not,
 * the constant sample is every model and needs no search; when it does, one search reads the model ids of the points
 * with data only, and one more sums the kept models.
 */
final class WeeklySeries {

    private final AdoptionService service;
    private final AdoptionIndex index;
    private final AdoptionCube cube;

    WeeklySeries(AdoptionService service, AdoptionIndex index, AdoptionCube cube) {
        this.service = service;
        this.index = index;
        this.cube = cube;
    }

    Series of(Adoption.Query query, LocalDate from, LocalDate to, Sample sample) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        List<LocalDate> days = Periods.WEEK.ends(from, to);
        return fromCube(query, days, sample, cube.asOf(query, days));
    }

    private Series fromCube(Adoption.Query query, List<LocalDate> days, Sample sample, CubeReader.Answer answer) {
        Map<LocalDate, AdoptionResult> all = answer.results();
        List<LocalDate> withData = new ArrayList<>();
        List<Long> first = null;
        boolean changes = false;
        boolean truncated = false;
        for (Map.Entry<LocalDate, AdoptionResult> e : all.entrySet()) {
            if (e.getValue().models() == 0) continue;
            withData.add(e.getKey());
            truncated |= e.getValue().models() >= AdoptionIndex.MAX_SAMPLE;
            List<Long> print = answer.fingerprints().get(e.getKey());
            if (first == null) first = print;
            else changes |= !first.equals(print);
        }
        if (sample == Sample.ALL || truncated) {
            return everyModel(query, all, sample, changes, sample != Sample.ALL);
        }
        if (!withData.isEmpty() && !changes) {
            // the same models in every point with data: the constant sample is every model
            return new Series(
                    points(query, all),
                    sample,
                    false,
                    (int) all.get(withData.get(0)).models(),
                    null);
        }
        Map<LocalDate, Set<String>> ids = index.idsAsOf(service.snapshotsAlias(), query, withData, service.window());
        return constant(query, days, sample, changes, ids.values());
    }

    /** The series of the models in every one of {@code idsOfPointsWithData}. */
    private Series constant(
            Adoption.Query query,
            List<LocalDate> days,
            Sample sample,
            boolean changes,
            Collection<Set<String>> idsOfPointsWithData) {
        Set<String> common = null;
        for (Set<String> ids : idsOfPointsWithData) {
            if (common == null) common = new LinkedHashSet<>(ids);
            else common.retainAll(ids);
        }
        if (common == null || common.isEmpty()) {
            Map<LocalDate, AdoptionResult> none = new LinkedHashMap<>();
            days.forEach(day -> none.put(day, null));
            return new Series(
                    points(query, none),
                    sample,
                    changes,
                    0,
                    common == null ? "no capture in the range" : "no model has a capture in every week with data");
        }
        Map<LocalDate, AdoptionResult> kept = service.ofModels(query, days, common);
        return new Series(points(query, kept), sample, changes, common.size(), null);
    }

    private List<Point> points(Adoption.Query query, Map<LocalDate, AdoptionResult> results) {
        List<Point> points = new ArrayList<>(results.size());
        results.forEach((day, r) -> points.add(new Point(day, service.answer(query, day, r, ""))));
        return points;
    }

    /** The series of every model each week counts; {@code truncated}: a constant sample was asked but too large. */
    private Series everyModel(
            Adoption.Query query,
            Map<LocalDate, AdoptionResult> all,
            Sample sample,
            boolean changes,
            boolean truncated) {
        if (!truncated) {
            return new Series(points(query, all), sample, changes, 0, null);
        }
        return new Series(
                points(query, all),
                Sample.ALL,
                changes,
                0,
                "too many models per week for a constant sample (over " + AdoptionIndex.MAX_SAMPLE
                        + "); every model of each week is shown");
    }
}
