package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;
import org.weightscope.storage.Indices;

/**
 * Shares of a metric by a dimension in either origin view — the numbers behind the dashboard, the API
 * and the exposure report. Each answer states its as-of time, metric definition and attribution rule.
 */
@Service
public class AdoptionService {

    private final AdoptionIndex index;
    private final Indices indices;
    private final AttributionRules rules;

    AdoptionService(AdoptionIndex index, Indices indices, AttributionRules rules) {
        this.index = index;
        this.indices = indices;
        this.rules = rules;
    }

    /** Over the latest state of every model (each model's newest capture). */
    public Adoption latest(Adoption.Query query) {
        return answer(query, index.aggregate(indices.alias(ModelsIndex.NAME), query, null));
    }

    /** Over the models of one hub (e.g. one recorded list page loaded into the catalogue). */
    public Adoption latest(Adoption.Query query, Query scope) {
        return answer(query, index.aggregate(indices.alias(ModelsIndex.NAME), query, scope));
    }

    /**
     * Origin × another dimension over the latest state (e.g. origin × hardware class): split key → country →
     * value, in the query's view; a model in several sectors counts in each sector.
     */
    public java.util.Map<String, java.util.Map<String, Double>> crossByOrigin(Adoption.Query query,
            Adoption.Dimension split) {
        if (split == Adoption.Dimension.ORIGIN) {
            throw new IllegalArgumentException("split by another dimension than origin");
        }
        return index.cross(indices.alias(ModelsIndex.NAME), query, split);
    }

    /** The rule version figures are computed with. */
    public String ruleVersion() {
        return rules.version();
    }

    private Adoption answer(Adoption.Query q, AdoptionIndex.Result r) {
        String definition = q.metric().definition() + " Origin view '" + q.view().id() + "': "
                + (q.view() == Adoption.View.UPLOADER
                        ? "the country of the organisation owning the repository's namespace."
                        : "the country of the developer of the root(s) of the model's base-model lineage.")
                + " Unknown organisations are 'unattributed', never guessed.";
        return new Adoption(q.metric().id(), q.metric().version(), q.by().id(), q.view().id(), r.asOf(), r.total(),
                r.figures(), definition, rules.version());
    }
}
