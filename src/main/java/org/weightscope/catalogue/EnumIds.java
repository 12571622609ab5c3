package org.weightscope.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The stable ids (API, files, URLs) of the catalogue's enums: a constant's name in lower case, its words joined by
 * hyphens ({@code HARDWARE_CLASS} is {@code hardware-class}), so an id cannot drift from its constant.
 */
final class EnumIds {

    private EnumIds() {}

    static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant with this id; an unknown id is refused, naming what it is and the ids accepted. */
    static <E extends Enum<E>> E of(E[] constants, String id, String what) {
        for (E constant : constants) {
            if (id(constant).equals(id)) {
                return constant;
            }
        }
        List<String> ids = Arrays.stream(constants).map(EnumIds::id).toList();
        String accepted = ids.size() == 1
                ? ids.getFirst()
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (use " + accepted + ")");
    }
}
