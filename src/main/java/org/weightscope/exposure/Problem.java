package org.weightscope.exposure;

/**
 * Something the user should know about their file.
 *
 * @param row      row/component number as in {@link InventoryItem#row()}, or 0 for the file as a whole
 * @param severity {@link #ERROR} (the row was skipped), {@link #WARNING} (processed, but check it) or {@link #INFO}
 * @param message  user-readable, names the row and what to fix
 */
public record Problem(int row, String severity, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    static Problem error(int row, String message) {
        return new Problem(row, ERROR, message);
    }

    static Problem warning(int row, String message) {
        return new Problem(row, WARNING, message);
    }

    static Problem info(int row, String message) {
        return new Problem(row, INFO, message);
    }
}
