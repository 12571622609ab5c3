package org.weightscope.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightscope.shared.Json;

/**
 * The public studies' published figures ({@code comparisons/studies.yaml}): data, each with the URL it was read
 * from, never computed here.
 */
record Studies(List<Study> studies) {

    /** One study's published finding; {@code cn}/{@code us} in % as published, null where it gives none. */
    record Study(
            String id,
            String title,
            String by,
            String url,
            String published,
            Map<String, String> period,
            Map<String, String> counted,
            String view,
            Double cn,
            Double us,
            Long cnDownloads,
            Long usDownloads,
            Map<String, String> statement,
            Map<String, String> differs) {

        /** CN's share of CN + US, where the study gives either shares or counts. */
        Double cnOfTwo() {
            if (cnDownloads != null && usDownloads != null) {
                return (double) cnDownloads / (cnDownloads + usDownloads);
            }
            return cn != null && us != null ? cn / (cn + us) : null;
        }

        static String text(Map<String, String> texts, Locale locale) {
            return DashboardDefinition.text(texts, locale);
        }
    }

    static Studies load() {
        try (InputStream in = Studies.class.getResourceAsStream("/comparisons/studies.yaml")) {
            return Json.yaml().readValue(in, Studies.class);
        } catch (IOException e) {
            throw new UncheckedIOException("comparisons/studies.yaml could not be read", e);
        }
    }
}
