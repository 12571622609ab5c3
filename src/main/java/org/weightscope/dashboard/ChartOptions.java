package org.weightscope.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.weightscope.catalogue.Adoption;
import org.weightscope.shared.Json;

/**
 * ECharts options built from figures. Tooltips render as rich text on the canvas, never as HTML, so a
 * name taken from a hub (a model or organisation name) cannot inject markup.
 */
final class ChartOptions {

    private static final ObjectMapper JSON = Json.mapper();

    private ChartOptions() {}

    /**
     * A pie ({@code chart} "pie") or horizontal bars (anything else) of the figures: keys labelled by
     * {@code label} (e.g. country names), each data item keeping its key, and with {@code countryColours} each
     * country in its fixed colour.
     */
    static String figures(
            String chart,
            List<Adoption.Figure> figures,
            String seriesName,
            java.util.function.Function<String, String> label,
            boolean countryColours) {
        Series s = new Series(figures, seriesName, label, countryColours);
        return "pie".equals(chart) ? pie(s) : bar(s);
    }

    private record Series(
            List<Adoption.Figure> figures,
            String name,
            java.util.function.Function<String, String> label,
            boolean countryColours) {

        /** One data item: its value and key, its label where given, its country's colour where asked. */
        void add(ArrayNode data, String itemName, Adoption.Figure f) {
            ObjectNode item = data.addObject();
            if (itemName != null) item.put("name", itemName);
            item.put("value", round(f.value())).put("key", f.key());
            if (countryColours) {
                item.putObject("itemStyle").put("color", Numbers.colour(f.key()));
            }
        }
    }

    private static String bar(Series s) {
        ObjectNode option = base("axis");
        ArrayNode names = horizontalBars(option, 170, 10);
        ObjectNode series =
                option.putArray("series").addObject().put("name", s.name()).put("type", "bar");
        ArrayNode values = series.putArray("data");
        for (Adoption.Figure f : s.figures()) {
            names.add(s.label().apply(f.key()));
            s.add(values, null, f);
        }
        return option.toString();
    }

    /**
     * Bars along a value x-axis, their categories down the y-axis from the top, {@code left} pixels kept for
     * the category labels and {@code top} above the plot; returns the category axis' data to fill.
     */
    private static ArrayNode horizontalBars(ObjectNode option, int left, int top) {
        option.putObject("grid")
                .put("left", left)
                .put("right", 30)
                .put("top", top)
                .put("bottom", 30);
        ArrayNode categories = option.putObject("yAxis")
                .put("type", "category")
                .put("inverse", true)
                .putArray("data");
        option.putObject("xAxis").put("type", "value");
        return categories;
    }

    private static String pie(Series s) {
        ObjectNode option = base("item");
        option.putObject("legend")
                .put("type", "scroll")
                .put("orient", "vertical")
                .put("left", 0);
        ObjectNode series =
                option.putArray("series").addObject().put("name", s.name()).put("type", "pie");
        // room for outside labels in a half-width panel: a smaller ring, labels on two lines
        series.putArray("radius").add("28%").add("55%");
        series.putArray("center").add("58%").add("52%");
        series.putObject("label").put("formatter", "{b}\n{d}%");
        ArrayNode data = series.putArray("data");
        for (Adoption.Figure f : s.figures()) {
            s.add(data, s.label().apply(f.key()), f);
        }
        return option.toString();
    }

    /** Countries on the axis, one stacked series per split key. */
    static String stackedBar(Map<String, Map<String, Double>> cross, int topCountries) {
        return stackedBar(cross, topCountries, java.util.function.Function.identity());
    }

    static String stackedBar(
            Map<String, Map<String, Double>> cross,
            int topCountries,
            java.util.function.Function<String, String> countryLabel) {
        return stackedBar(cross, topCountries, countryLabel, java.util.function.Function.identity());
    }

    /** Split keys (the stacked series) labelled by {@code splitLabel}, e.g. class names in the UI's language. */
    static String stackedBar(
            Map<String, Map<String, Double>> cross,
            int topCountries,
            java.util.function.Function<String, String> countryLabel,
            java.util.function.Function<String, String> splitLabel) {
        Map<String, Double> totals = new java.util.HashMap<>();
        cross.values().forEach(m -> m.forEach((c, v) -> totals.merge(c, v, Double::sum)));
        List<String> countries = totals.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(topCountries)
                .map(Map.Entry::getKey)
                .toList();
        ObjectNode option = base("axis");
        option.putObject("legend").put("type", "scroll").put("top", 0);
        ArrayNode axis = horizontalBars(option, 110, 40);
        countries.forEach(c -> axis.add(countryLabel.apply(c)));
        ArrayNode seriesArray = option.putArray("series");
        for (Map.Entry<String, Map<String, Double>> split : cross.entrySet()) {
            ObjectNode series = seriesArray
                    .addObject()
                    .put("name", splitLabel.apply(split.getKey()))
                    .put("type", "bar")
                    .put("stack", "total");
            ArrayNode data = series.putArray("data");
            for (String c : countries) {
                data.addObject()
                        .put("value", round(split.getValue().getOrDefault(c, 0.0)))
                        .put("key", c);
            }
        }
        return option.toString();
    }

    /** One value per day as a line on a time axis (a model's download history); a missing value is a gap. */
    static String line(List<String> days, List<Long> values, String seriesName) {
        ObjectNode option = base("axis");
        option.putObject("grid").put("left", 80).put("right", 20).put("top", 20).put("bottom", 30);
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value");
        ArrayNode data = option.putArray("series")
                .addObject()
                .put("name", seriesName)
                .put("type", "line")
                .put("connectNulls", false)
                .putArray("data");
        for (int i = 0; i < days.size(); i++) {
            ArrayNode point = data.addArray().add(days.get(i));
            if (values.get(i) == null) point.addNull();
            else point.add(values.get(i));
        }
        return option.toString();
    }

    /**
     * Weekly share (%) per key as stacked lines on a time axis (weeks spaced by time, so a gap of fifteen months
     * looks like one). A week without data is a gap (null), never a zero; keys are labelled by {@code label} and
     * coloured by {@link Numbers#colour}.
     */
    static String shareArea(
            List<String> days,
            Map<String, List<Double>> sharesByKey,
            java.util.function.Function<String, String> label) {
        ObjectNode option = base("axis");
        option.putObject("legend").put("type", "scroll").put("top", 0);
        option.putObject("grid").put("left", 50).put("right", 20).put("top", 40).put("bottom", 70);
        option.putObject("xAxis").put("type", "time");
        option.putArray("dataZoom").addObject().put("type", "slider").put("bottom", 10); // the time slider
        option.putObject("yAxis")
                .put("type", "value")
                .put("max", 100)
                .putObject("axisLabel")
                .put("formatter", "{value}%");
        ArrayNode seriesArray = option.putArray("series");
        sharesByKey.forEach((key, shares) -> {
            ObjectNode series = line(seriesArray, label.apply(key))
                    .put("stack", "share")
                    .put("showSymbol", true)
                    .put("symbolSize", 4)
                    .put("connectNulls", false);
            colour(series, key);
            series.putObject("areaStyle").put("color", Numbers.colour(key)).put("opacity", 0.55);
            weeklyPoints(series, days, shares, (point, v) -> point.add(round(100 * v)));
        });
        return option.toString();
    }

    /**
     * One line per key over weeks on a time axis, values as integers, a gap where a week has no capture, and a time
     * slider (ECharts dataZoom) under the axis.
     */
    static String lines(
            List<String> days,
            Map<String, List<Double>> valuesByKey,
            java.util.function.Function<String, String> label,
            boolean countryColours) {
        ObjectNode option = base("axis");
        option.putObject("legend").put("type", "scroll").put("top", 0);
        option.putObject("grid").put("left", 90).put("right", 20).put("top", 40).put("bottom", 70);
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value");
        option.putArray("dataZoom").addObject().put("type", "slider").put("bottom", 10);
        ArrayNode seriesArray = option.putArray("series");
        valuesByKey.forEach((key, values) -> {
            ObjectNode series = line(seriesArray, label.apply(key)).put("connectNulls", false);
            if (countryColours) {
                colour(series, key);
            }
            weeklyPoints(series, days, values, (point, v) -> point.add(Math.round(v)));
        });
        return option.toString();
    }

    private static ObjectNode line(ArrayNode seriesArray, String name) {
        return seriesArray.addObject().put("name", name).put("type", "line");
    }

    /** A line's points and markers in the key's fixed colour. */
    private static void colour(ObjectNode series, String key) {
        series.putObject("itemStyle").put("color", Numbers.colour(key));
        series.putObject("lineStyle").put("color", Numbers.colour(key));
    }

    /** [day, value] per week, the value written by {@code add}; a week without data is a gap (null), never 0. */
    private static void weeklyPoints(
            ObjectNode series,
            List<String> days,
            List<Double> values,
            java.util.function.BiConsumer<ArrayNode, Double> add) {
        ArrayNode data = series.putArray("data");
        for (int i = 0; i < days.size(); i++) {
            ArrayNode point = data.addArray().add(days.get(i));
            Double v = values.get(i);
            if (v == null) point.addNull();
            else add.accept(point, v);
        }
    }

    static Set<String> splitKeys(Map<String, Map<String, Double>> cross) {
        return new LinkedHashSet<>(cross.keySet());
    }

    static List<List<String>> crossRows(Map<String, Map<String, Double>> cross) {
        List<List<String>> rows = new ArrayList<>();
        cross.forEach((split, byCountry) ->
                byCountry.forEach((country, v) -> rows.add(List.of(country, split, String.valueOf(round(v))))));
        return rows;
    }

    private static ObjectNode base(String trigger) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", trigger).put("renderMode", "richText");
        option.put("animation", false);
        // a text alternative: ECharts describes the chart in the container's aria-label (the table tab has the data)
        option.putObject("aria").put("enabled", true);
        return option;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
