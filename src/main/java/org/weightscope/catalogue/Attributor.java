package org.weightscope.catalogue;

import org.weightscope.catalogue.Attribution.Licence;
import org.weightscope.catalogue.attribution.HardwareClassifier;
import org.weightscope.catalogue.attribution.LicenceClassifier;
import org.weightscope.catalogue.attribution.LineageResolver;
import org.weightscope.catalogue.attribution.OriginAttributor;
import org.weightscope.catalogue.attribution.SectorClassifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Facade: {@link ModelFacts} in, {@link Attribution} out. Stateless after construction and thread-safe;
 * rule files are read once. Build it with {@link #load(AttributionSettings)} or the constructor.
 */
public final class Attributor {

    /** Cited by every {@link Attribution}; bump when a rule or rule file changes meaning. */
    public static final String RULE_VERSION = "attribution-1";
    public static final String ORGANIZATIONS_FILE = "organizations.yaml";
    public static final String LICENCES_FILE = "licences.yaml";
    public static final String SECTORS_FILE = "sectors.yaml";

    private final OrganizationRegistry registry;
    private final LicenceClassifier licences;
    private final LineageResolver lineage = new LineageResolver();
    private final OriginAttributor origins;
    private final HardwareClassifier hardware;
    private final SectorClassifier sectors;

    /**
     * @param registry   organisation registry (already loaded, e.g. from a test file)
     * @param rulesDir   directory holding {@code licences.yaml} and {@code sectors.yaml}
     * @param thresholds hardware class bounds in GB (10^9 bytes)
     */
    public Attributor(OrganizationRegistry registry, Path rulesDir, HardwareThresholds thresholds) {
        this.registry = registry;
        this.licences = LicenceClassifier.load(rulesDir.resolve(LICENCES_FILE));
        this.sectors = SectorClassifier.load(rulesDir.resolve(SECTORS_FILE));
        this.origins = new OriginAttributor(registry);
        this.hardware = new HardwareClassifier(thresholds);
    }

    /** Loads organizations.yaml (validated), licences.yaml and sectors.yaml from {@code settings.registryDir()}. */
    public static Attributor load(AttributionSettings settings) {
        OrganizationRegistry registry = OrganizationRegistry.load(settings.registryDir().resolve(ORGANIZATIONS_FILE));
        return new Attributor(registry, settings.registryDir(), settings.hardware());
    }

    public static Attributor load(Path registryDir) {
        return load(new AttributionSettings(registryDir, null));
    }

    public OrganizationRegistry registry() {
        return registry;
    }

    public Attribution attribute(ModelFacts facts, ParentLookup lookup) {
        List<String> notes = new ArrayList<>(2);
        OriginAttributor.Uploader uploader = origins.uploader(facts);
        LineageResolver.Result lin = lineage.resolve(facts, lookup == null ? ParentLookup.none() : lookup);
        OriginAttributor.LineageOrigin origin = origins.lineage(facts.hub(), lin.lineage().roots());
        notes.addAll(origin.notes());
        Licence licence = licence(facts, lin.ancestors());
        return new Attribution(uploader.org(), uploader.countries(), lin.lineage(), origin.developerOrgs(),
                origin.shares(), licence, hardware.classify(facts), sectors.classify(facts), notes, RULE_VERSION);
    }

    /** The model's own licence; if it declares none, the nearest ancestor's in the catalogue; else unknown. */
    private Licence licence(ModelFacts facts, List<ModelFacts> ancestors) {
        Licence own = licences.declared(facts);
        if (own != null) return own;
        for (ModelFacts a : ancestors) {
            Licence inherited = licences.declared(a);
            if (inherited != null) return new Licence(inherited.id(), inherited.clazz(), "inherited:" + a.repoId());
        }
        return new Licence(LicenceClassifier.UNKNOWN, LicenceClassifier.UNKNOWN, "none");
    }
}
