package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What {@link AdoptionService} asks of the daily snapshots themselves rather than of the cube: the newest capture
 * day, and which models a day counts (a constant sample's models), joined with their attribution versions.
 */
@Component
class AdoptionIndex {

    static final String UNATTRIBUTED = Attribution.UNATTRIBUTED;
    /** The licence class figures are keyed on (issue 12 moves it to the effective class: change it here only). */
    static final String LICENCE_CLASS_FIELD =
            "attribution.licence.effectiveClass"; // the terms that bind along the lineage
    /** Most model ids a constant-sample series keeps track of per point. */
    static final int MAX_SAMPLE = 20_000;

    private final ElasticsearchClient client;
    private final AttributionVersions versions;

    AdoptionIndex(ElasticsearchClient client, AttributionVersions versions) {
        this.client = client;
        this.versions = versions;
    }

    /**
     * The ids of the models each of {@code days} counts under the as-of rule and the query's filters (at most {@link
     * #MAX_SAMPLE} a day): a constant sample's models, when the figures themselves come from the cube.
     */
    Map<LocalDate, Set<String>> idsAsOf(String index, Adoption.Query q, List<LocalDate> days, int window) {
        Map<LocalDate, Set<String>> out = new LinkedHashMap<>();
        for (LocalDate d : days) {
            BoolQuery.Builder bool = new BoolQuery.Builder().filter(AsOfRule.counted(d, window));
            if (q.metric() == Adoption.Metric.DOWNLOADS_30D) {
                bool.filter(f -> f.exists(e -> e.field("downloads30d")));
            }
            Set<String> ids = new LinkedHashSet<>();
            CubeGroup.forEachPage(client, index, Query.of(x -> x.bool(bool.build())), page -> {
                Set<String> named = new java.util.HashSet<>();
                page.forEach(s -> {
                    if (s.version() != null) named.add(s.version());
                });
                Set<String> kept = versions.matching(named, q);
                for (ModelSnapshot s : page) {
                    if (ids.size() < MAX_SAMPLE && s.version() != null && kept.contains(s.version())) {
                        ids.add(s.modelId());
                    }
                }
            });
            out.put(d, ids);
        }
        return out;
    }

    /** The newest capture day on or before {@code day} of snapshots that carry the metric, if any. */
    Optional<LocalDate> newestDay(String index, Adoption.Metric metric, LocalDate day) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.date(d -> d.field("day").lte(day.toString()))));
        if (metric == Adoption.Metric.DOWNLOADS_30D) {
            bool.filter(f -> f.exists(e -> e.field("downloads30d")));
        }
        Aggregate newest = CreditAggregations.aggregate(
                        client,
                        index,
                        Query.of(x -> x.bool(bool.build())),
                        Map.of("newest", Aggregation.of(a -> a.max(m -> m.field("day")))),
                        "snapshot days query")
                .aggregations()
                .get("newest");
        return newest == null ? Optional.empty() : Optional.ofNullable(CreditAggregations.day(newest));
    }

    static String field(Adoption.Dimension d, Adoption.View view) {
        return switch (d) {
            case ORIGIN -> "originCredit.country";
            case ORGANISATION ->
                view == Adoption.View.UPLOADER ? "attribution.uploaderOrg" : "attribution.developerOrgs";
            case SECTOR -> "attribution.sectors";
            case HARDWARE_CLASS -> "attribution.hardware.clazz";
            case LICENCE_CLASS -> LICENCE_CLASS_FIELD;
            case HUB -> "hub";
        };
    }
}
