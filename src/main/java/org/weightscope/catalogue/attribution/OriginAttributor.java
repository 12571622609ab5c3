package org.weightscope.catalogue.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.Organization;
import org.weightscope.catalogue.OrganizationRegistry;

/**
 * Countries from the organisation registry only. Storage-region tags such as {@code region:us} say where HF
 * stores the files, never who made the model, so they are ignored; unknown stays {@code unattributed}.
 */
public final class OriginAttributor {

    private static final List<String> UNATTRIBUTED = List.of(Attribution.UNATTRIBUTED);

    private final OrganizationRegistry registry;
    /** Policy switches on countries, e.g. HK → CN when Hong Kong is counted with the mainland. */
    private final Map<String, String> countryMap;

    public OriginAttributor(OrganizationRegistry registry) {
        this(registry, Map.of());
    }

    public OriginAttributor(OrganizationRegistry registry, Map<String, String> countryMap) {
        this.registry = registry;
        this.countryMap = Map.copyOf(countryMap);
    }

    /** Uploader view: the org owning the repo's namespace. */
    public record Uploader(String org, List<String> countries) {}

    /** Lineage view: developer orgs of the roots, credit per country, and remarks. */
    public record LineageOrigin(List<String> developerOrgs, List<OriginShare> shares, List<String> notes) {}

    public Uploader uploader(ModelFacts facts) {
        Optional<Organization> org = registry.byNamespace(facts.hub(), facts.namespace());
        return org.map(o -> new Uploader(o.id(), countriesOrUnattributed(o)))
                .orElseGet(() -> new Uploader(null, UNATTRIBUTED));
    }

    /**
     * Each root gets 1/nRoots of the credit, split evenly across its org's countries; a root without a
     * registry entry credits {@code unattributed}. Shares of the same country are summed.
     */
    public LineageOrigin lineage(String hub, List<String> roots) {
        List<String> notes = new ArrayList<>();
        if (roots.isEmpty()) {
            notes.add("no root found (cycle): lineage origin unattributed");
            return new LineageOrigin(List.of(), List.of(new OriginShare(Attribution.UNATTRIBUTED, 1.0)), notes);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        LinkedHashSet<String> devs = new LinkedHashSet<>();
        double perRoot = 1.0 / roots.size();
        for (String root : roots) {
            Optional<Organization> org = registry.byNamespace(hub, namespaceOf(root));
            // a maintainer's or redistributor's repo is never a lineage root's country: its developer is someone else
            boolean others = org.isPresent() && org.get().holdsOthersWork();
            List<String> countries = org.isEmpty() || others ? UNATTRIBUTED : countriesOrUnattributed(org.get());
            org.ifPresent(o -> {
                if (others) {
                    notes.add("root " + root + " is held by " + o.role() + " " + o.id()
                            + ": original developer not traced, lineage unattributed");
                } else {
                    devs.add(o.id());
                }
            });
            double each = perRoot / countries.size();
            for (String c : countries) shares.merge(c, each, Double::sum);
        }
        if (roots.size() > 1) {
            notes.add("merge of " + roots.size() + " roots: lineage credit split evenly (1/" + roots.size() + " each)");
        }
        List<OriginShare> out = new ArrayList<>(shares.size());
        shares.forEach((c, s) -> out.add(new OriginShare(c, s)));
        return new LineageOrigin(new ArrayList<>(devs), out, notes);
    }

    private List<String> countriesOrUnattributed(Organization o) {
        if (o.countries().isEmpty()) return UNATTRIBUTED;
        if (countryMap.isEmpty()) return o.countries();
        LinkedHashSet<String> mapped = new LinkedHashSet<>();
        for (String c : o.countries()) mapped.add(countryMap.getOrDefault(c, c));
        return List.copyOf(mapped);
    }

    /** Namespace of a repo id, with the same rule as {@link ModelFacts#namespace()}. */
    public static String namespaceOf(String repoId) {
        int slash = repoId.indexOf('/');
        if (slash > 0) return repoId.substring(0, slash);
        int colon = repoId.indexOf(':');
        return colon > 0 ? repoId.substring(0, colon) : repoId;
    }
}
