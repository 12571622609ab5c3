package org.weightscope.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a hub's bundled captures, {@code <dir>/<hub>/<prefix>[<what>_]<yyyy-MM-dd>[T<time>]<suffix>}: the capture day is
 * in the file name (crawlers/fixtures/PROVENANCE.md), not in the bodies, which carry no date of their own.
 */
public final class RecordedFiles {

    /** One capture file and the day it was taken. */
    public record Dated(Path path, LocalDate day) {

        public String name() {
            return path.getFileName().toString();
        }
    }

    private RecordedFiles() {}

    /**
     * The captures named {@code <prefix>[…_]<day>[T…]<suffix>} under {@code <dir>/<hub>}, one per day (the last by
     * name when a day has several, i.e. the latest time of day), oldest first; empty when the folder is absent.
     */
    public static List<Dated> find(Path dir, String hub, String prefix, String suffix) {
        Path folder = dir.resolve(hub);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Pattern dated = Pattern.compile(
                Pattern.quote(prefix) + "(?:.*_)?(\\d{4}-\\d{2}-\\d{2})(T[0-9A-Za-z-]*)?" + Pattern.quote(suffix));
        TreeMap<LocalDate, Path> byDay = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = dated.matcher(file.getFileName().toString());
                if (m.matches()) {
                    byDay.put(LocalDate.parse(m.group(1)), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recordings in " + folder, e);
        }
        return byDay.entrySet().stream()
                .map(e -> new Dated(e.getValue(), e.getKey()))
                .toList();
    }

    public static String read(Dated file) {
        try {
            return Files.readString(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file.path(), e);
        }
    }
}
