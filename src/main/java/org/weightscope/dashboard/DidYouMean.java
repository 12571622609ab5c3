package org.weightscope.dashboard;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For a search that found nothing: the word from the models a fuzzy search found that is nearest to what was typed
 * ("deepsek" → "deepseek"), by edit distance over the words of their repo ids.
 */
final class DidYouMean {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private DidYouMean() {}

    /** The fuzzy form of a query: every word may be two edits away. */
    static String fuzzy(String text) {
        return WORDS.splitAsStream(text.strip())
                .filter(w -> !w.isEmpty())
                .map(w -> w + "~2")
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    /** The query with each typed word replaced by its nearest word among {@code repoIds}, if that differs. */
    static Optional<String> suggest(String typed, Collection<String> repoIds) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String word : WORDS.split(typed.strip().toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) continue;
            String best = repoIds.stream()
                    .flatMap(id -> WORDS.splitAsStream(id.toLowerCase(Locale.ROOT)))
                    .filter(w -> !w.isEmpty())
                    .distinct()
                    .min(Comparator.comparingInt((String w) -> distance(word, w))
                            .thenComparing(w -> w))
                    .filter(w -> distance(word, w) <= 2)
                    .orElse(word);
            changed |= !best.equals(word);
            out.append(out.isEmpty() ? "" : " ").append(best);
        }
        return changed ? Optional.of(out.toString()) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
