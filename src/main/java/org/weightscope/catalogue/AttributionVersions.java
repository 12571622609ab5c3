package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;

/**
 * The attributions snapshots are taken under: one document per model and distinct attribution it has had
 * (id {@code <model id>:<hash of that attribution>}), which a snapshot names in its {@code version} field instead of
 * carrying a copy. A registry or rule change rewrites these documents in place (each keeps its id: the snapshots
 * naming it follow) and rebuilds the adoption cube; the snapshots are never rewritten. A model's versions differ by
 * what a day's snapshot was taken under (a licence or base model that changed since), so re-applying the rules keeps
 * each day's licence and lineage ({@link DayFacts}).
 *
 * <p>The fields a figure filters by are stored under the names the snapshots used to carry (and the cube carries), so
 * the same dimension filters select versions ({@link CreditAggregations#dimensionFilters}).
 */
@Component
class AttributionVersions {

    static final String NAME = "attributions";

    /** One version: whose, on which hub, the attribution and its origin credit shares (no downloads: per snapshot). */
    record Version(String id, String modelId, String hub, Attribution attribution, List<OriginCredit> originCredit) {

        static Version of(String id, String modelId, String hub, Attribution a) {
            return new Version(id, modelId, hub, a, OriginCredit.of(a, null));
        }
    }

    private final Documents<Version> versions;

    AttributionVersions(ElasticsearchClient client, Indices indices) {
        this.versions = new Documents<>(client, indices, NAME, Version.class, "attribution version");
    }

    /**
     * The id of {@code a} among {@code modelId}'s versions: a hash of the attribution without its rule version, so a
     * crawl that attributes a model as before names the version it already has. Only unique per model (two
     * attributions of one model with the same 32-bit hash would share a version: about one model in 10⁹ with two
     * versions).
     */
    static String key(String modelId, Attribution a) {
        return modelId + ":"
                + Integer.toHexString(a == null ? 0 : a.withRuleVersion("").hashCode());
    }

    /** The write of a model's version {@code key} with its attribution now. */
    BulkOperation operation(String key, CatalogueModel model) {
        return versions.operation(key, Version.of(key, model.id(), model.hub(), model.attribution()));
    }

    /** The write of a version. */
    BulkOperation operation(Version v) {
        return versions.operation(v.id(), v);
    }

    /** The rewrite of version {@code key} with attribution {@code a} (a rule change or a settled lineage). */
    BulkOperation rewrite(Version v, Attribution a) {
        return versions.operation(v.id(), Version.of(v.id(), v.modelId(), v.hub(), a));
    }

    /** The stored versions with these ids (one round trip; missing ones left out). */
    Map<String, Version> getAll(Collection<String> ids) {
        return versions.getAll(ids);
    }

    /** Every version of these models. */
    List<Version> ofModels(Collection<String> modelIds) {
        if (modelIds.isEmpty()) {
            return List.of();
        }
        List<FieldValue> ids = modelIds.stream().map(FieldValue::of).toList();
        List<Version> out = new java.util.ArrayList<>();
        versions.forEachPage(
                2000, "id", Query.of(q -> q.terms(t -> t.field("modelId").terms(v -> v.value(ids)))), out::addAll);
        return out;
    }

    /** Which of the versions {@code ids} pass the query's dimension filters (all of them when it has none). */
    Set<String> matching(Collection<String> ids, Adoption.Query q) {
        if (q.filters().isEmpty() || ids.isEmpty()) {
            return new HashSet<>(ids);
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        bool.filter(f -> f.terms(t -> t.field("id").terms(v -> v.value(values))));
        CreditAggregations.dimensionFilters(bool, q);
        return new HashSet<>(versions.idsWhere(Query.of(x -> x.bool(bool.build()))));
    }

    void bulk(List<BulkOperation> operations) {
        versions.bulk(operations);
    }

    long count() {
        return versions.count(null);
    }

    void refresh() {
        versions.refresh();
    }
}
