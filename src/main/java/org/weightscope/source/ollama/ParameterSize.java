package org.weightscope.source.ollama;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One size tag of an Ollama model ("2.4b", "32b", "335m", "8x7b").
 *
 * @param label      as shown
 * @param parameters parameters written in the label (2.4b → 2,400,000,000, exact); for "8x7b" the
 *                   per-expert figure, 7,000,000,000
 * @param experts    1, or N for "Nx…" mixture-of-experts labels; their total is not N × parameters (experts
 *                   share layers: Mixtral 8x7b has about 46.7b), so no total is claimed
 */
public record ParameterSize(String label, long parameters, int experts) {

    private static final Pattern LABEL = Pattern.compile("^(?:(\\d+)x)?(\\d+(?:\\.\\d+)?)([kmbt])$");

    /** @throws IllegalArgumentException for a label that is not a size */
    public static ParameterSize parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        Matcher m = LABEL.matcher(l);
        if (!m.matches()) throw new IllegalArgumentException("not a parameter size: '" + label + "'");
        int exp = switch (m.group(3)) {
            case "k" -> 3;
            case "m" -> 6;
            case "b" -> 9;
            default -> 12;
        };
        long params = new BigDecimal(m.group(2)).scaleByPowerOfTen(exp).longValueExact();
        return new ParameterSize(label.strip(), params, m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
    }
}
