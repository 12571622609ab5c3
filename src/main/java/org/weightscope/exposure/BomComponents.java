package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.ModelParameters;

/**
 * The format-independent part of reading a CycloneDX BOM: walks the library's {@link Bom} in document order
 * (nested components included, numbered 1, 2, …), keeps the components that name models
 * ({@code machine-learning-model} or a {@code pkg:huggingface} purl) and reads their model cards.
 */
final class BomComponents {

    static final String ML_MODEL = "machine-learning-model";
    /**
     * BOM nesting beyond this is not a real inventory; the readers cut the tree there before validating it. 32
     * component levels are 66 XML elements deep, within the JDK's default limit of 100 that cyclonedx-core-java's
     * XML reader runs under.
     */
    static final int MAX_DEPTH = 32;

    private static final String HF_PURL = "pkg:huggingface/";

    private final int maxComponents;
    private final List<Problem> problems;
    private final List<InventoryItem> items = new ArrayList<>();
    private int position;
    private int skipped;

    BomComponents(int maxComponents, List<Problem> problems) {
        this.maxComponents = maxComponents;
        this.problems = problems;
    }

    /** Reads every component; {@code cut} says whether the reader dropped components nested too deep. */
    List<InventoryItem> read(Bom bom, boolean cut) {
        walk(bom.getComponents());
        if (cut)
            problems.add(Problem.warning(0, "Components nested more than " + MAX_DEPTH + " levels deep were ignored."));
        if (skipped > 0) {
            problems.add(Problem.info(
                    0,
                    skipped + " component(s) of other types were ignored: only " + ML_MODEL
                            + " components and pkg:huggingface purls name models."));
        }
        return items;
    }

    static InventoryException tooMany(int max) {
        return new InventoryException("The BOM has more than " + max + " components; the limit is " + max
                + " per file. Split it into smaller files.");
    }

    private void walk(List<Component> list) {
        if (list == null) return;
        for (Component c : list) {
            if (++position > maxComponents) throw tooMany(maxComponents);
            accept(position, c);
            walk(c.getComponents());
        }
    }

    private void accept(int pos, Component c) {
        String purl = InventoryParser.blankToNull(c.getPurl());
        boolean hfPurl = purl != null && purl.toLowerCase(Locale.ROOT).startsWith(HF_PURL);
        String type = c.getType() == null ? null : c.getType().getTypeName();
        if (!ML_MODEL.equals(type) && !hfPurl) {
            skipped++;
            return;
        }
        String name = InventoryParser.blankToNull(c.getName());
        String label = "Component " + pos + (name == null ? "" : " (" + References.excerpt(name) + ")") + ": ";
        try {
            String reference;
            ModelRef ref;
            if (hfPurl) {
                reference = purl;
                ref = References.purl(purl);
            } else {
                if (name == null) throw new IllegalArgumentException("no purl and no name");
                String group = InventoryParser.blankToNull(c.getGroup());
                String version = InventoryParser.blankToNull(c.getVersion());
                reference = group == null ? name : group + "/" + name;
                ref = References.parse(reference);
                // A declared version is kept like a purl's commit: it identifies what is deployed.
                if (version != null && ref.revision() == null) ref = new ModelRef(ref.hub(), ref.id(), version);
            }
            Map<String, String> props = properties(c.getProperties());
            double w = InventoryParser.weight(property(props, "weightscope:weight", "weight", "usage_weight", "usage"));
            String unit =
                    InventoryParser.blankToNull(property(props, "weightscope:business_unit", "business_unit", "unit"));
            items.add(new InventoryItem(pos, reference, ref, unit, w, modelCard(c.getModelCard())));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(pos, label + e.getMessage() + "; component skipped."));
        }
    }

    private static Map<String, String> properties(List<Property> list) {
        Map<String, String> props = new LinkedHashMap<>();
        if (list == null) return props;
        for (Property p : list) {
            if (p.getName() != null && p.getValue() != null) {
                props.putIfAbsent(
                        p.getName().toLowerCase(Locale.ROOT), p.getValue().strip());
            }
        }
        return props;
    }

    private static String property(Map<String, String> props, String... names) {
        for (String n : names) {
            String v = props.get(n);
            if (v != null) return v;
        }
        return null;
    }

    private static DeclaredModelCard modelCard(ModelCard card) {
        if (card == null || card.getModelParameters() == null) return null;
        ModelParameters p = card.getModelParameters();
        String approach = p.getApproach() == null || p.getApproach().getType() == null
                ? null
                : p.getApproach().getType().getTypeName();
        List<String> datasets = new ArrayList<>();
        if (p.getDatasets() != null) {
            for (DatasetChoice d : p.getDatasets()) {
                String named = d.getComponentData() == null
                        ? null
                        : InventoryParser.blankToNull(d.getComponentData().getName());
                String ref = named != null ? named : InventoryParser.blankToNull(d.getRef());
                if (ref != null) datasets.add(ref);
            }
        }
        DeclaredModelCard declared = new DeclaredModelCard(
                approach,
                InventoryParser.blankToNull(p.getTask()),
                InventoryParser.blankToNull(p.getArchitectureFamily()),
                InventoryParser.blankToNull(p.getModelArchitecture()),
                datasets);
        return declared.isEmpty() ? null : declared;
    }
}
