package org.weightscope.shared;

import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** How every endpoint that answers JSON or CSV picks one. */
public final class AnswerFormat {

    private AnswerFormat() {}

    /** {@code format=csv} → true, {@code json} → false, anything else → null (the caller's error). */
    public static Boolean named(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> null;
        };
    }

    /**
     * Whether an Accept header prefers text/csv to JSON; an absent or unreadable header gets the default (JSON)
     * rather than an error.
     */
    public static boolean acceptsCsvFirst(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double csv = 0;
        double json = 0;
        try {
            for (MediaType t : MediaType.parseMediaTypes(accept)) {
                if (t.getType().equals("text") && t.getSubtype().equals("csv")) {
                    csv = Math.max(csv, t.getQualityValue());
                } else if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()) {
                    json = Math.max(json, t.getQualityValue());
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return csv > 0 && csv >= json;
    }
}
