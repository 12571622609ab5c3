package org.weightscope.dashboard;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * How figures read in every view: downloads and counts as integers with grouping, shares as percentages with
 * one decimal, countries by name with their code, and one colour per country in every chart.
 */
final class Numbers {

    private Numbers() {}

    /** Fixed colours for the origins that carry most downloads, so a country looks the same in every chart. */
    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("CN", "#d62728"),
            Map.entry("US", "#1f77b4"),
            Map.entry("FR", "#9467bd"),
            Map.entry("DE", "#2ca02c"),
            Map.entry("GB", "#17becf"),
            Map.entry("JP", "#e377c2"),
            Map.entry("KR", "#8c564b"),
            Map.entry("CA", "#ff7f0e"),
            Map.entry("AE", "#bcbd22"),
            Map.entry("IL", "#393b79"),
            Map.entry("IN", "#e7ba52"),
            Map.entry("SG", "#637939"),
            Map.entry("CH", "#843c39"),
            Map.entry("TW", "#7b4173"),
            Map.entry("HK", "#ad494a"),
            Map.entry("NL", "#3182bd"),
            Map.entry("SE", "#31a354"),
            Map.entry("RU", "#756bb1"),
            Map.entry("unattributed", "#9e9e9e"),
            Map.entry("other", "#cfcfcf"));

    private static final String[] FALLBACK = {
        "#5254a3", "#8ca252", "#bd9e39", "#d6616b", "#a55194", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#969696"
    };

    static String integer(double value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale == null ? Locale.ENGLISH : locale)
                .format(Math.round(value));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** "China (CN)", in the UI's language; keys that are not a country code stay as they are. */
    static String country(String code, Locale locale) {
        if (code == null || code.length() != 2 || !code.equals(code.toUpperCase(Locale.ROOT))) {
            return code;
        }
        String name = Locale.of("", code).getDisplayCountry(locale == null ? Locale.ENGLISH : locale);
        return name == null || name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
    }

    /** An origin key for readers: a country by name and code, "unattributed" and "other" in the UI's language. */
    static String label(String key, com.vaadin.flow.component.Component in) {
        if ("unattributed".equals(key) || "other".equals(key)) {
            return in.getTranslation("origin." + key);
        }
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return country(key, ui == null ? Locale.ENGLISH : ui.getLocale());
    }

    /**
     * A class key for readers (licence class, hardware class, sector: "non-commercial", "consumer-gpu", "code") in
     * the UI's language; a key the bundles do not know stays as it is.
     */
    static String classLabel(String key, com.vaadin.flow.component.Component in) {
        if (key == null) {
            return "";
        }
        if ("unattributed".equals(key) || "other".equals(key)) {
            return in.getTranslation("origin." + key);
        }
        String t = in.getTranslation("class." + key);
        return t == null || t.isBlank() || t.contains("class." + key) ? key : t;
    }

    /** Origin keys joined: country codes as they are, "unattributed" and "other" in the UI's language. */
    static String origins(java.util.List<String> keys, com.vaadin.flow.component.Component in) {
        return String.join(
                ",",
                keys.stream().map(k -> k.length() == 2 ? k : classLabel(k, in)).toList());
    }

    /** A model id for readers: the hub's own repo id, without the catalogue's hub prefix. */
    static String model(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        return colon < 0 ? id : id.substring(colon + 1);
    }

    /** The colour of an origin key in every chart. */
    static String colour(String key) {
        String fixed = COLOURS.get(key);
        if (fixed != null) {
            return fixed;
        }
        return FALLBACK[Math.floorMod(key == null ? 0 : key.hashCode(), FALLBACK.length)];
    }
}
