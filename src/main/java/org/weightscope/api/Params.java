package org.weightscope.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.Attribution;

/**
 * Reads and checks the API's query parameters. Everything is validated here, before the catalogue is asked,
 * so a bad value is a 400 naming the parameter — never a failing Elasticsearch query surfacing as a 5xx.
 */
final class Params {

    static final String FILTER = "filter.";
    static final int MAX_FILTER_VALUES = 50;

    /** The attribution's class ids (see {@link Attribution.Licence} and {@link Attribution.Hardware}). */
    static final List<String> LICENCE_CLASSES =
            List.of("permissive", "copyleft", "open-weights-restricted", "non-commercial", "unknown");

    static final List<String> HARDWARE_CLASSES =
            List.of("edge", "consumer-gpu", "datacenter-gpu", "multi-gpu", "cluster", "unknown");
    /** Hub ids and the short prefixes used in catalogue ids, both accepted. */
    static final Map<String, String> HUBS = Map.of(
            "huggingface",
            "huggingface",
            "hf",
            "huggingface",
            "modelscope",
            "modelscope",
            "ms",
            "modelscope",
            "openrouter",
            "openrouter",
            "or",
            "openrouter",
            "ollama",
            "ollama");

    private static final java.util.Set<String> COUNTRIES = java.util.Set.of(Locale.getISOCountries());
    /** Registry ids of organisations and sectors: lower-case words joined by '-', '_' or '.'. */
    private static final Pattern REGISTRY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private Params() {}

    /** Unknown parameters are rejected, so a typo (e.g. {@code filters.origin}) is not silently ignored. */
    static void onlyKnown(Map<String, String[]> parameters, Set<String> known) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name) && !name.startsWith(FILTER)) {
                throw new BadParameterException(
                        name,
                        "unknown parameter '" + name + "' (use "
                                + String.join(", ", known.stream().sorted().toList()) + ", filter.<dimension>)");
            }
        }
    }

    /** A hub id or its short prefix ({@link #HUBS}) as the hub id. */
    static String hub(String parameter, String value) {
        String hub = HUBS.get(value.toLowerCase(Locale.ROOT));
        if (hub == null) {
            throw new BadParameterException(
                    parameter,
                    "unknown hub '" + shorten(value) + "' (use huggingface or hf, modelscope, openrouter, ollama)");
        }
        return hub;
    }

    static Adoption.Metric metric(String id) {
        return parse("metric", id == null ? Adoption.Metric.DOWNLOADS_30D.id() : id, Adoption.Metric::of);
    }

    static Adoption.Dimension dimension(String id) {
        return parse("by", id == null ? Adoption.Dimension.ORIGIN.id() : id, Adoption.Dimension::of);
    }

    /** Lineage by default: the view that credits fine-tunes and re-uploads to the developer of the base model. */
    static Adoption.View view(String id) {
        return parse("view", id == null ? Adoption.View.LINEAGE.id() : id, Adoption.View::of);
    }

    private static <T> T parse(String parameter, String id, Function<String, T> of) {
        try {
            return of.apply(id.trim());
        } catch (IllegalArgumentException e) {
            // the catalogue's enums word these messages themselves (no user data beyond the echoed id)
            throw new BadParameterException(parameter, e.getMessage());
        }
    }

    static int range(String parameter, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new BadParameterException(
                    parameter, parameter + " must be between " + min + " and " + max + " (was " + v + ")");
        }
        return v;
    }

    /** {@code filter.<dimension>=a,b}: dimension ids as in {@code by}; values checked per dimension. */
    static Map<Adoption.Dimension, List<String>> filters(Map<String, String[]> parameters) {
        Map<Adoption.Dimension, List<String>> filters = new EnumMap<>(Adoption.Dimension.class);
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(FILTER)) {
                continue;
            }
            Adoption.Dimension dimension;
            try {
                dimension = Adoption.Dimension.of(name.substring(FILTER.length()));
            } catch (IllegalArgumentException ex) {
                throw new BadParameterException(
                        name,
                        "unknown filter dimension '" + name.substring(FILTER.length())
                                + "' (use filter."
                                + Arrays.stream(Adoption.Dimension.values())
                                        .map(Adoption.Dimension::id)
                                        .collect(Collectors.joining(", filter."))
                                + ")");
            }
            List<String> values = new ArrayList<>();
            for (String raw : e.getValue()) {
                for (String v : raw.split(",")) {
                    if (!v.isBlank()) {
                        values.add(filterValue(name, dimension, v.trim()));
                    }
                }
            }
            if (values.isEmpty()) {
                throw new BadParameterException(name, name + " needs at least one value (comma-separated)");
            }
            if (values.size() > MAX_FILTER_VALUES) {
                throw new BadParameterException(name, name + " accepts at most " + MAX_FILTER_VALUES + " values");
            }
            filters.put(dimension, values.stream().distinct().toList());
        }
        return filters;
    }

    /** An origin: an ISO 3166-1 alpha-2 country code (any case) or {@code unattributed}. */
    static String origin(String parameter, String v) {
        if (v.strip().equalsIgnoreCase(Attribution.UNATTRIBUTED)) {
            return Attribution.UNATTRIBUTED;
        }
        String code = v.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new BadParameterException(
                    parameter,
                    "'" + shorten(v) + "' is not an origin: use ISO 3166-1"
                            + " alpha-2 country codes (e.g. CN,US) or unattributed");
        }
        return code;
    }

    private static String filterValue(String parameter, Adoption.Dimension dimension, String v) {
        return switch (dimension) {
            case ORIGIN -> origin(parameter, v);
            case LICENCE_CLASS -> oneOf(parameter, v, LICENCE_CLASSES);
            case HARDWARE_CLASS -> oneOf(parameter, v, HARDWARE_CLASSES);
            case HUB -> hub(parameter, v);
            case ORGANISATION, SECTOR -> {
                String id = v.toLowerCase(Locale.ROOT);
                if (!REGISTRY_ID.matcher(id).matches()) {
                    throw new BadParameterException(
                            parameter,
                            "'" + shorten(v) + "' is not a " + dimension.id()
                                    + " id (lower-case letters, digits, '-', '_', '.')");
                }
                yield id;
            }
        };
    }

    private static String oneOf(String parameter, String v, List<String> ids) {
        String id = v.toLowerCase(Locale.ROOT);
        if (!ids.contains(id)) {
            throw new BadParameterException(
                    parameter,
                    "unknown value '" + shorten(v) + "' for " + parameter + " (use " + String.join(", ", ids) + ")");
        }
        return id;
    }

    /** Echoed values are cut, so an error message never becomes a vehicle for whatever was sent. */
    static String shorten(String v) {
        String s = v.replaceAll("[\\p{Cntrl}]", "?");
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Filters as echoed in responses: dimension id → values. */
    static Map<String, List<String>> echo(Map<Adoption.Dimension, List<String>> filters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        filters.forEach((d, v) -> out.put(d.id(), v));
        return out;
    }

    /** The days a date parameter may name: the data starts in the 2020s; the store is never asked about year 10000. */
    static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(1990, 1, 1);

    static final java.time.LocalDate LATEST = java.time.LocalDate.of(2100, 12, 31);

    /** A day as yyyy-mm-dd between {@link #EARLIEST} and {@link #LATEST}, or null when not given. */
    static java.time.LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(
                    parameter, parameter + " must be a day as yyyy-mm-dd, was '" + shorten(value) + "'");
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new BadParameterException(
                    parameter,
                    parameter + " must be a day between " + EARLIEST + " and " + LATEST + ", was '" + shorten(value)
                            + "'");
        }
        return day;
    }

    static org.weightscope.catalogue.AdoptionService.Sample sample(String value) {
        if (value == null || value.isBlank()) {
            return org.weightscope.catalogue.AdoptionService.Sample.ALL;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> org.weightscope.catalogue.AdoptionService.Sample.ALL;
            case "constant" -> org.weightscope.catalogue.AdoptionService.Sample.CONSTANT;
            default ->
                throw new BadParameterException(
                        "sample", "sample must be all or constant, was '" + shorten(value) + "'");
        };
    }

    /**
     * The answer format of a request whose parameters must all be {@code known} (or filters): rejects any other
     * first ({@link #onlyKnown}), then reads the format as {@link #csv(jakarta.servlet.http.HttpServletRequest)}.
     */
    static boolean answerCsv(jakarta.servlet.http.HttpServletRequest request, Set<String> known) {
        onlyKnown(request.getParameterMap(), known);
        return csv(request);
    }

    /** CSV or JSON: the {@code format} parameter ({@link FormatParameter}), else the Accept header's first choice. */
    static boolean csv(jakarta.servlet.http.HttpServletRequest request) {
        // repeated values joined, as Spring binds a String parameter (so "format=csv&format=json" is refused)
        String[] format = request.getParameterValues("format");
        return csv(format == null ? null : String.join(",", format), request.getHeader("Accept"));
    }

    static boolean csv(String format, String accept) {
        if (format != null) {
            Boolean csv = org.weightscope.shared.AnswerFormat.named(format);
            if (csv == null) {
                throw new BadParameterException("format", "unknown format '" + shorten(format) + "' (use json or csv)");
            }
            return csv;
        }
        return org.weightscope.shared.AnswerFormat.acceptsCsvFirst(accept);
    }
}
