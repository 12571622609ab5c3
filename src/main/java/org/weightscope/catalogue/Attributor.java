package org.weightscope.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.weightscope.catalogue.Attribution.Licence;
import org.weightscope.catalogue.Attribution.Lineage;
import org.weightscope.catalogue.attribution.BaseInference;
import org.weightscope.catalogue.attribution.HardwareClassifier;
import org.weightscope.catalogue.attribution.LicenceClassifier;
import org.weightscope.catalogue.attribution.LineageResolver;
import org.weightscope.catalogue.attribution.OriginAttributor;
import org.weightscope.catalogue.attribution.SectorClassifier;

/**
 * Facade: {@link ModelFacts} in, {@link Attribution} out. Stateless after construction and thread-safe;
 * rule files are read once. Build it with {@link #load(AttributionSettings)} or the constructor.
 */
public final class Attributor {

    /** Cited by every {@link Attribution}; bump when a rule or rule file changes meaning. */
    public static final String RULE_VERSION = "attribution-2";

    public static final String ORGANIZATIONS_FILE = "organizations.yaml";
    public static final String LICENCES_FILE = "licences.yaml";
    public static final String SECTORS_FILE = "sectors.yaml";

    private final OrganizationRegistry registry;
    private final LicenceClassifier licences;
    private final LineageResolver lineage = new LineageResolver();
    private final OriginAttributor origins;
    private final BaseInference inference;
    private final HardwareClassifier hardware;
    private final SectorClassifier sectors;

    /**
     * @param registry   organisation registry (already loaded, e.g. from a test file)
     * @param rulesDir   directory holding {@code licences.yaml} and {@code sectors.yaml}
     * @param thresholds hardware class bounds in GB (10^9 bytes)
     */
    public Attributor(OrganizationRegistry registry, Path rulesDir, HardwareThresholds thresholds) {
        this(registry, rulesDir, thresholds, "HK");
    }

    /** @param hongKong {@code HK} (Hong Kong apart from the mainland) or {@code CN} (counted with it) */
    public Attributor(OrganizationRegistry registry, Path rulesDir, HardwareThresholds thresholds, String hongKong) {
        this.registry = registry;
        this.licences = LicenceClassifier.load(rulesDir.resolve(LICENCES_FILE));
        this.sectors = SectorClassifier.load(rulesDir.resolve(SECTORS_FILE));
        this.origins = new OriginAttributor(
                registry, "CN".equals(hongKong) ? java.util.Map.of("HK", "CN") : java.util.Map.of());
        this.inference = new BaseInference(registry);
        this.hardware = new HardwareClassifier(thresholds);
    }

    /** Loads organizations.yaml (validated), licences.yaml and sectors.yaml from {@code settings.registryDir()}. */
    public static Attributor load(AttributionSettings settings) {
        OrganizationRegistry registry =
                OrganizationRegistry.load(settings.registryDir().resolve(ORGANIZATIONS_FILE));
        return new Attributor(registry, settings.registryDir(), settings.hardware(), settings.hongKong());
    }

    public static Attributor load(Path registryDir) {
        return load(new AttributionSettings(registryDir, null, null));
    }

    public OrganizationRegistry registry() {
        return registry;
    }

    public Attribution attribute(ModelFacts facts, ParentLookup lookup) {
        ParentLookup parents = lookup == null ? ParentLookup.none() : lookup;
        List<String> notes = new ArrayList<>(2);
        OriginAttributor.Uploader uploader = origins.uploader(facts);
        Traced traced = trace(facts.hub(), lineage.resolve(facts, parents), parents);
        OriginAttributor.LineageOrigin origin =
                origins.lineage(facts.hub(), traced.lineage().roots());
        notes.addAll(origin.notes());
        if (traced.lineage().inferred()) {
            notes.add("base traced by name to " + traced.lineage().inferredFrom()
                    + " (inferred: the card names no base model)");
        }
        Licence licence = licence(facts, traced.ancestors());
        return new Attribution(
                uploader.org(),
                uploader.countries(),
                traced.lineage(),
                origin.developerOrgs(),
                origin.shares(),
                licence,
                hardware(facts, traced.ancestors(), parents),
                sectors.classify(facts, traced.ancestors()),
                notes,
                RULE_VERSION);
    }

    /** An OpenRouter model runs the weights of its {@code hugging_face_id}: sized as that model when stored. */
    private Attribution.Hardware hardware(ModelFacts facts, List<ModelFacts> ancestors, ParentLookup lookup) {
        if ("openrouter".equals(facts.hub())
                && facts.cardData().get("hugging_face_id") instanceof String hf
                && !hf.isBlank()) {
            Optional<ModelFacts> weights = lookup.find("huggingface", hf);
            if (weights.isPresent()) return hardware.classify(weights.get());
        }
        return hardware.classify(facts, ancestors);
    }

    /** The lineage with every root held by a maintainer or redistributor traced by name where possible. */
    private record Traced(Lineage lineage, List<ModelFacts> ancestors) {}

    private Traced trace(String hub, LineageResolver.Result resolved, ParentLookup lookup) {
        Lineage lin = resolved.lineage();
        List<ModelFacts> ancestors = new ArrayList<>(resolved.ancestors());
        List<String> issues = new ArrayList<>(lin.issues());
        LinkedHashSet<String> roots = new LinkedHashSet<>();
        String basis = lin.basis();
        String inferredFrom = null;
        for (String root : lin.roots()) {
            Optional<Organization> org = registry.byNamespace(hub, OriginAttributor.namespaceOf(root));
            if (org.isEmpty() || !org.get().holdsOthersWork()) {
                roots.add(root);
                continue;
            }
            BaseInference.Match match = inference.trace(hub, root, lookup);
            if (match.model() == null) {
                issues.add(match.issue());
                roots.add(root);
                if (!Lineage.INFERRED.equals(basis)) basis = Attribution.UNATTRIBUTED;
                continue;
            }
            LineageResolver.Result base = lineage.resolve(match.model(), lookup);
            ancestors.add(match.model());
            ancestors.addAll(base.ancestors());
            roots.addAll(base.lineage().roots());
            issues.add("inferred-base:" + root + "->" + match.model().repoId());
            if (inferredFrom == null) inferredFrom = match.model().repoId();
            basis = Lineage.INFERRED;
        }
        return new Traced(new Lineage(lin.parents(), List.copyOf(roots), issues, basis, inferredFrom), ancestors);
    }

    /**
     * The model's own licence (if it declares none, the nearest ancestor's in the catalogue; else unknown), with
     * its effective class: the most restrictive class along the lineage, naming the ancestor whose terms bind.
     */
    private Licence licence(ModelFacts facts, List<ModelFacts> ancestors) {
        Licence base = licences.declared(facts);
        String via = null;
        if (base == null) {
            for (ModelFacts a : ancestors) {
                Licence inherited = licences.declared(a);
                if (inherited != null) {
                    base = new Licence(
                            inherited.id(),
                            inherited.clazz(),
                            "inherited:" + a.repoId(),
                            inherited.clazz(),
                            null,
                            inherited.osi(),
                            inherited.excludedTerritories());
                    via = a.repoId();
                    break;
                }
            }
        }
        if (base == null) return Licence.UNKNOWN;
        String effective = base.clazz();
        LinkedHashSet<String> excluded = new LinkedHashSet<>(base.excludedTerritories());
        for (ModelFacts a : ancestors) {
            Licence l = licences.declared(a);
            if (l == null) continue;
            excluded.addAll(l.excludedTerritories());
            if (LicenceClassifier.restrictiveness(l.clazz()) > LicenceClassifier.restrictiveness(effective)) {
                effective = l.clazz();
                via = a.repoId();
            }
        }
        if (effective.equals(base.clazz()) && !base.source().startsWith("inherited:")) via = null;
        return new Licence(base.id(), base.clazz(), base.source(), effective, via, base.osi(), List.copyOf(excluded));
    }
}
