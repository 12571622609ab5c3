package org.weightscope.source.ollama;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.weightscope.source.HumanNumber;
import org.weightscope.source.SourceDefinition;

/**
 * Reads ollama.com/search with the selectors of crawlers/ollama.yaml. All or nothing: if the item selector
 * or a required field's selector finds nothing (the page changed), the whole page fails with the selector
 * and URL named, so a redesign can never be stored as a day of zero pulls.
 */
final class SearchPageParser {

    /** Fields every item must have; description, sizes and capabilities may be absent. */
    static final List<String> REQUIRED = List.of("name", "pullCount", "tagCount", "updated");

    private static final DateTimeFormatter TITLE_TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a 'UTC'", Locale.ENGLISH);

    private final SourceDefinition source;

    SearchPageParser(SourceDefinition source) {
        this.source = source;
        // fail on a bad selector before any page is read, naming it
        for (String f :
                List.of("item", "name", "description", "sizes", "capabilities", "pullCount", "tagCount", "updated")) {
            String sel = source.selector(f);
            try {
                QueryParser.parse(sel);
            } catch (Selector.SelectorParseException e) {
                throw new OllamaException(source.id() + ".yaml: selectors." + f + " '" + sel
                        + "' is not a valid CSS selector: " + e.getMessage());
            }
        }
    }

    List<OllamaModel> parse(String html, URI url) {
        Document doc = Jsoup.parse(html, url.toString());
        String itemSel = source.selector("item");
        Elements items = doc.select(itemSel);
        if (items.isEmpty()) throw missing("item", itemSel, url, "the page");
        List<OllamaModel> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String where = "item " + (i + 1) + " of " + items.size();
            String name = required(item, "name", url, where);
            where += " (" + name + ")";
            String pullText = required(item, "pullCount", url, where);
            String tagText = required(item, "tagCount", url, where);
            Element updatedEl = item.selectFirst(source.selector("updated"));
            String updated = required(item, "updated", url, where);
            long pulls;
            int tags;
            try {
                pulls = HumanNumber.parse(pullText);
                tags = Math.toIntExact(HumanNumber.parse(tagText));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new OllamaException(source.id() + ": " + url + ": " + where + ": unreadable count at "
                        + selectorNote("pullCount") + " / " + selectorNote("tagCount") + ": " + e.getMessage());
            }
            List<ParameterSize> sizes = new ArrayList<>();
            for (Element s : item.select(source.selector("sizes"))) {
                try {
                    sizes.add(ParameterSize.parse(s.text()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new OllamaException(source.id() + ": " + url + ": " + where + ": " + selectorNote("sizes")
                            + " holds '" + s.text() + "', not a size");
                }
            }
            List<String> caps = item.select(source.selector("capabilities")).eachText();
            Element desc = item.selectFirst(source.selector("description"));
            out.add(new OllamaModel(
                    name,
                    desc == null || desc.text().isBlank() ? null : desc.text(),
                    sizes,
                    caps,
                    pulls,
                    tags,
                    updated,
                    titleTime(updatedEl)));
        }
        return out;
    }

    private String required(Element item, String field, URI url, String where) {
        String sel = source.selector(field);
        Element e = item.selectFirst(sel);
        if (e == null || e.text().isBlank()) throw missing(field, sel, url, where);
        return e.text().strip();
    }

    private OllamaException missing(String field, String sel, URI url, String where) {
        return new OllamaException(source.id() + ": selector '" + sel + "' (selectors." + field + ") found nothing in "
                + where + " of " + url + "; the page layout changed, nothing was stored");
    }

    private String selectorNote(String field) {
        return "selectors." + field + " '" + source.selector(field) + "'";
    }

    /** The absolute time the page puts in the title of the updated element's parent; null when absent or unreadable. */
    private static Instant titleTime(Element updated) {
        for (Element e = updated; e != null; e = e.parent()) {
            if (e.hasAttr("title")) {
                try {
                    return LocalDateTime.parse(e.attr("title").strip(), TITLE_TIME)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notATime) {
                    return null;
                }
            }
        }
        return null;
    }
}
