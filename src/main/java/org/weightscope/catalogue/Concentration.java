package org.weightscope.catalogue;

import java.util.Arrays;
import java.util.List;

/** Herfindahl–Hirschman index and Gini coefficient of a set of non-negative values (e.g. downloads per key). */
final class Concentration {

    private Concentration() {}

    /** Sum of squared shares, 0–1 (1: one key holds everything); 0 for no values. */
    static double hhi(List<Double> values) {
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) return 0;
        double h = 0;
        for (double v : values) h += (v / total) * (v / total);
        return h;
    }

    /**
     * Gini coefficient over the keys: sum over all pairs |x_i − x_j| / (2 n² mean), i.e. with the values sorted
     * ascending, (2 Σ i·x_i) / (n Σ x_i) − (n + 1) / n for i = 1…n; 0 when all are equal or there are none.
     */
    static double gini(List<Double> values) {
        int n = values.size();
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        if (n == 0 || total <= 0) return 0;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double weighted = 0;
        for (int i = 0; i < n; i++) weighted += (i + 1) * sorted[i];
        return 2 * weighted / (n * total) - (n + 1.0) / n;
    }
}
