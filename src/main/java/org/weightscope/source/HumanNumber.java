package org.weightscope.source;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts as hubs print them for people: "6,483", "26.7K", "2.5M", "11.1T tokens". Parsed with
 * {@link BigDecimal} so "78.5K" is exactly 78500 (a double would make it 78499.99…); the result must be a
 * whole number or the text is rejected. The value is only as precise as the page: "2.5M" is 2,500,000 as
 * displayed, not the true count.
 */
public final class HumanNumber {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*([KMBT])?$");

    private HumanNumber() {}

    /** @throws NumberFormatException naming the text when it is not such a count */
    public static long parse(String text) {
        if (text == null) throw new NumberFormatException("no count text");
        String t = text.strip().replace('\u00a0', ' ');
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) throw new NumberFormatException("not a count: '" + text + "'");
        if (m.group(2) != null && m.group(3) == null)
            throw new NumberFormatException("fraction without K/M/B/T: '" + text + "'");
        BigDecimal v = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
        if (m.group(3) != null) {
            v = v.scaleByPowerOfTen(
                    switch (m.group(3)) {
                        case "K" -> 3;
                        case "M" -> 6;
                        case "B" -> 9;
                        default -> 12;
                    });
        }
        try {
            return v.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("not a whole count: '" + text + "'");
        }
    }
}
