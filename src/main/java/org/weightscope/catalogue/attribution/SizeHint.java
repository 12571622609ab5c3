package org.weightscope.catalogue.attribution;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model size stated in a repo name; {@code active} is null for dense models.
 *
 * @param total  parameters (all experts of a mixture-of-experts)
 * @param active parameters per token of a mixture-of-experts named like 30B-A3B, else null
 */
public record SizeHint(long total, Long active) {

    /**
     * Size hint in a repo name: "7B", "0.5B", "1.5b", "500M", "1T", "8x7B", "30B-A3B". The number must not follow
     * a letter, digit or dot, so "Qwen2.5" or "v1" never read as sizes.
     */
    private static final Pattern SIZE_HINT =
            Pattern.compile("(?<![A-Za-z0-9.])(?:(\\d{1,3})x)?(\\d+(?:\\.\\d+)?)([BMTbmt])(?![A-Za-z0-9])"
                    + "(?:[-_]A(\\d+(?:\\.\\d+)?)([BMbm])(?![A-Za-z0-9]))?");

    /** The first size hint in a repo name (without namespace), or null. */
    public static SizeHint in(String name) {
        if (name == null) return null;
        Matcher m = SIZE_HINT.matcher(name);
        if (!m.find()) return null;
        long experts = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        long total = Math.round(Double.parseDouble(m.group(2)) * unit(m.group(3)) * experts);
        Long active = m.group(4) == null ? null : Math.round(Double.parseDouble(m.group(4)) * unit(m.group(5)));
        return total > 0 ? new SizeHint(total, active) : null;
    }

    private static double unit(String u) {
        return switch (Character.toUpperCase(u.charAt(0))) {
            case 'M' -> 1e6;
            case 'T' -> 1e12;
            default -> 1e9;
        };
    }
}
