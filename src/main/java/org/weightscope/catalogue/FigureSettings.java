package org.weightscope.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code weightscope.figures.*}: the as-of rule and the warnings every figure carries.
 *
 * @param freshnessDays a figure "as of D" counts each model's newest capture in the days [D − freshnessDays + 1, D]
 *                      (7 by default: the full catalogue is crawled weekly)
 * @param minModels     a figure over fewer models than this is marked as a thin sample
 * @param dominantShare a figure where one model holds more than this share of the total is marked as dominated by it
 */
@ConfigurationProperties("weightscope.figures")
public record FigureSettings(Integer freshnessDays, Integer minModels, Double dominantShare) {

    public FigureSettings {
        if (freshnessDays == null) freshnessDays = 7;
        if (minModels == null) minModels = 100;
        if (dominantShare == null) dominantShare = 0.25;
        if (freshnessDays < 1 || freshnessDays > 366) {
            throw new IllegalArgumentException("weightscope.figures.freshness-days must be between 1 and 366");
        }
        if (minModels < 0) {
            throw new IllegalArgumentException("weightscope.figures.min-models must not be negative");
        }
        if (dominantShare <= 0 || dominantShare > 1) {
            throw new IllegalArgumentException("weightscope.figures.dominant-share must be in (0, 1]");
        }
    }

    public static FigureSettings defaults() {
        return new FigureSettings(null, null, null);
    }
}
