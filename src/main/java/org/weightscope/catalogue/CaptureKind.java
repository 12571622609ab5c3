package org.weightscope.catalogue;

import java.util.Locale;

/**
 * What kind of capture a snapshot comes from, read from its {@code source} ({@code crawl:<hub>:<scope>} or
 * {@code recording:<file>}): a complete listing of a hub, the tracked organisations only, a trending top list,
 * a newest-first page or single-model detail pages. Readers need it because a trending list of ten models and a
 * full listing of a million answer different questions.
 */
public enum CaptureKind {
    FULL_LISTING,
    TRACKED_SET,
    TRENDING_LIST,
    NEWEST_PAGE,
    MODEL_DETAILS,
    OTHER;

    public String id() {
        return EnumIds.id(this);
    }

    public static CaptureKind of(String source) {
        if (source == null) {
            return OTHER;
        }
        String s = source.toLowerCase(Locale.ROOT);
        if (s.contains("trending")) return TRENDING_LIST;
        if (s.contains("newest")) return NEWEST_PAGE;
        if (s.contains("tracked")) return TRACKED_SET;
        if (s.contains("-id-full") || s.contains("details")) return MODEL_DETAILS;
        if (s.endsWith(":full") || s.startsWith("recording:api-v1-models_")) {
            return FULL_LISTING;
        }
        return OTHER;
    }
}
