package org.weightscope.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Attribution.Licence;
import org.weightscope.catalogue.Attribution.Lineage;
import org.weightscope.catalogue.attribution.LicenceClassifier;

/**
 * What a snapshot was taken under that can change from day to day: the licence the model declared and the base
 * models it named. A model's licence and bases can change (a licence-change event; a base named later), so a
 * snapshot taken before the change is attributed anew from the model's facts with its own day's licence and bases,
 * not with today's: re-applying the rules keeps each day's licence and lineage.
 */
record DayFacts(String licence, List<Attribution.Parent> parents) {

    /** What {@code a} was derived from (the declared licence, "" when none was; the direct parents). */
    static DayFacts of(Licence licence, Lineage lineage) {
        return new DayFacts(declared(licence), lineage == null ? List.of() : List.copyOf(lineage.parents()));
    }

    /** Whether this day's facts give the same attribution as {@code now}'s (what it did not know, it takes from now). */
    boolean agreesWith(DayFacts now) {
        return now != null
                && (licence.isEmpty() || licence.equals(now.licence))
                && (parents.isEmpty() || parents.equals(now.parents));
    }

    static DayFacts of(Attribution a) {
        return a == null ? null : of(a.licence(), a.lineage());
    }

    /** What the model itself declared under {@code l}: its licence id, or "" when it declared none (inherited). */
    static String declared(Licence l) {
        if (l == null
                || l.source() == null
                || "none".equals(l.source())
                || l.source().startsWith("inherited:")) {
            return "";
        }
        return l.id();
    }

    /**
     * {@code facts} with this day's licence and bases in place of those it declares now, where the day knew them: a
     * day that knew no licence (a listing that does not show it) or named no base takes what is known now, so a
     * re-application fills what a day did not show and keeps what a day showed otherwise.
     */
    ModelFacts applyTo(ModelFacts facts) {
        List<String> tags = new ArrayList<>();
        for (String tag : facts.tags()) {
            boolean replaced = (!licence.isEmpty() && tag.startsWith("license:"))
                    || (!parents.isEmpty() && tag.startsWith("base_model:"));
            if (!replaced) tags.add(tag);
        }
        for (Attribution.Parent p : parents) {
            tags.add(
                    "unknown".equals(p.relation())
                            ? "base_model:" + p.repoId()
                            : "base_model:" + p.relation() + ":" + p.repoId());
        }
        Map<String, Object> card = new LinkedHashMap<>(facts.cardData());
        if (!parents.isEmpty()) {
            card.remove("base_model");
        }
        if (!licence.isEmpty()) {
            Object name = card.remove("license_name");
            card.remove("license");
            card.put("license", licence);
            if (LicenceClassifier.OTHER.equals(licence) && name != null) {
                card.put("license_name", name); // "other": the name it went by is not kept with the snapshot
            }
        }
        return facts.withCard(tags, card, facts.cardText());
    }
}
