package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.exposure.ExposureReport.Component;
import org.weightscope.exposure.ExposureReport.Concentration;
import org.weightscope.exposure.ExposureReport.OriginExposure;
import org.weightscope.exposure.ExposureReport.RiskCount;
import org.weightscope.exposure.ExposureReport.Slice;
import org.weightscope.exposure.ExposureReport.Summary;

/** An exposure report's summary: exposure by origin, licence class and organisation, and its concentration. */
final class ReportSummary {

    private ReportSummary() {}

    /** The report's summary over its components. */
    static Summary of(List<Component> components) {
        int resolved = 0, ambiguous = 0, unknown = 0;
        double total = 0;
        Map<String, double[]> uploader = new LinkedHashMap<>();
        Map<String, double[]> lineage = new LinkedHashMap<>();
        Map<String, Double> devOrgs = new LinkedHashMap<>();
        Map<String, Integer> flagCount = new LinkedHashMap<>();
        Map<String, Double> flagWeight = new LinkedHashMap<>();
        for (String f : List.of(
                ExposureReport.FLAG_NON_COMMERCIAL,
                ExposureReport.FLAG_USE_RESTRICTIONS,
                ExposureReport.FLAG_CHANGED_TERMS,
                ExposureReport.FLAG_UNKNOWN_LICENCE)) {
            flagCount.put(f, 0);
            flagWeight.put(f, 0.0);
        }
        for (Component c : components) {
            total += c.weight();
            switch (c.status()) {
                case Resolver.RESOLVED -> resolved++;
                case Resolver.AMBIGUOUS -> ambiguous++;
                default -> unknown++;
            }
            for (String f : c.riskFlags()) {
                flagCount.merge(f, 1, Integer::sum);
                flagWeight.merge(f, c.weight(), Double::sum);
            }
            if (!c.resolved()) {
                credit(uploader, ExposureReport.UNRESOLVED, 1, c.weight());
                credit(lineage, ExposureReport.UNRESOLVED, 1, c.weight());
                continue;
            }
            for (OriginShare s : c.uploaderOrigin()) credit(uploader, s.country(), s.share(), c.weight());
            for (OriginShare s : c.lineageOrigin()) credit(lineage, s.country(), s.share(), c.weight());
            List<String> devs = c.developerOrgs().isEmpty() ? List.of(Attribution.UNATTRIBUTED) : c.developerOrgs();
            for (String d : devs) devOrgs.merge(d, c.weight() / devs.size(), Double::sum);
        }
        List<RiskCount> risks = new ArrayList<>();
        for (var e : flagCount.entrySet()) {
            double w = flagWeight.get(e.getKey());
            risks.add(new RiskCount(e.getKey(), e.getValue(), w, total > 0 ? w / total : 0));
        }
        return new Summary(
                components.size(),
                resolved,
                ambiguous,
                unknown,
                total,
                exposures(uploader, total),
                exposures(lineage, total),
                concentration(devOrgs, total),
                concentration(weights(lineage), total),
                concentration(weights(uploader), total),
                risks);
    }

    private static void credit(Map<String, double[]> m, String origin, double share, double weight) {
        double[] v = m.computeIfAbsent(origin, k -> new double[2]);
        v[0] += share;
        v[1] += share * weight;
    }

    /** Largest weight first, then largest count; "unresolved" and "unattributed" last so real origins lead. */
    private static List<OriginExposure> exposures(Map<String, double[]> m, double total) {
        List<OriginExposure> out = new ArrayList<>(m.size());
        m.forEach((k, v) -> out.add(new OriginExposure(k, v[0], v[1], total > 0 ? v[1] / total : 0)));
        out.sort(Comparator.comparing((OriginExposure o) -> isPlaceholder(o.origin()))
                .thenComparing(OriginExposure::weight, Comparator.reverseOrder())
                .thenComparing(OriginExposure::components, Comparator.reverseOrder())
                .thenComparing(OriginExposure::origin));
        return out;
    }

    private static Map<String, Double> weights(Map<String, double[]> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v[1]));
        return out;
    }

    private static boolean isPlaceholder(String key) {
        return ExposureReport.UNRESOLVED.equals(key) || Attribution.UNATTRIBUTED.equals(key);
    }

    /** HHI over attributed weight; see {@link Concentration}. */
    static Concentration concentration(Map<String, Double> weights, double total) {
        double covered = 0;
        for (var e : weights.entrySet()) if (!isPlaceholder(e.getKey())) covered += e.getValue();
        List<Slice> slices = new ArrayList<>();
        double hhi = 0;
        for (var e : weights.entrySet()) {
            if (isPlaceholder(e.getKey())) continue;
            double share = covered > 0 ? e.getValue() / covered : 0;
            hhi += share * share * 10_000;
            slices.add(new Slice(e.getKey(), e.getValue(), share));
        }
        slices.sort(
                Comparator.comparing(Slice::weight, Comparator.reverseOrder()).thenComparing(Slice::key));
        return new Concentration(covered > 0 ? hhi : null, total > 0 ? covered / total : 0, slices);
    }
}
