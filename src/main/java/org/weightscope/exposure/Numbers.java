package org.weightscope.exposure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting for messages and CSV (a German Excel must not turn 0.5 into 0,5 here). */
final class Numbers {

    private Numbers() {}

    /** Up to 6 decimals, no trailing zeros, no exponent: 2, 0.5, 0.333333. */
    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        return BigDecimal.valueOf(d)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
