package org.weightscope.source.openrouter;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.PlaywrightException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.weightscope.source.Fetcher;
import org.weightscope.source.HumanNumber;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.browser.HeadlessChromium;

/**
 * Reads OpenRouter's public rankings page without an API key. The page is client-rendered (its table does
 * not exist in the HTML), so it is opened in Chromium and read once the page's JavaScript has built the rows.
 * Selectors come from crawlers/openrouter.yaml ({@code rankingRow}, {@code rankingSlug}, {@code rankingTokens})
 * because the live layout changes without notice. A page where they find nothing fails with the selector and
 * URL named; it never yields an empty or zero ranking.
 */
final class RankingsPageReader {

    /** How long the page's JavaScript gets to build the table. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final SourceDefinition source;
    private final Fetcher http;
    private final HeadlessChromium chromium;
    private final Clock clock;
    private final Duration wait;

    RankingsPageReader(Fetcher http, HeadlessChromium chromium, Clock clock, Duration wait) {
        this.source = http.source();
        this.http = http;
        this.chromium = chromium;
        this.clock = clock;
        this.wait = wait;
    }

    /** The weekly top list as {@link RouterUsage} rows dated the day it was read (UTC). */
    List<RouterUsage> read() {
        URI url = source.resolve(source.endpoint("rankingsPage"));
        http.checkAllowed(url); // the page is crawled like any other URL: robots.txt first
        String rowSel = source.selector("rankingRow");
        String slugSel = source.selector("rankingSlug");
        String tokensSel = source.selector("rankingTokens");
        LocalDate day = LocalDate.now(clock);
        return chromium.withPage(source.userAgent(), page -> {
            try {
                page.navigate(url.toString());
                Locator rows = page.locator(rowSel);
                try {
                    rows.first().waitFor(new Locator.WaitForOptions().setTimeout(wait.toMillis()));
                } catch (PlaywrightException e) {
                    throw new OpenRouterException(
                            "rankings page " + url + ": no element matches selectors.rankingRow '" + rowSel + "' after "
                                    + wait.toSeconds() + " s",
                            e);
                }
                int n = rows.count();
                List<RouterUsage> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Locator row = rows.nth(i);
                    String href = attribute(row, slugSel, "href", "rankingSlug", url, i);
                    String tokens = text(row, tokensSel, "rankingTokens", url, i);
                    out.add(new RouterUsage(
                            day, slug(href, url, i), tokens(tokens, url, i), false, RouterUsage.Window.WEEK));
                }
                return out;
            } catch (PlaywrightException e) {
                throw new OpenRouterException("rankings page " + url + ": " + e.getMessage(), e);
            }
        });
    }

    private static String attribute(Locator row, String sel, String attr, String field, URI url, int i) {
        Locator l = row.locator(sel);
        String v = l.count() == 0 ? null : l.first().getAttribute(attr);
        if (v == null || v.isBlank()) {
            throw new OpenRouterException("rankings page " + url + ": row " + i + " has no " + attr + " at selectors."
                    + field + " '" + sel + "'");
        }
        return v;
    }

    private static String text(Locator row, String sel, String field, URI url, int i) {
        Locator l = row.locator(sel);
        String v = l.count() == 0 ? null : l.first().innerText();
        if (v == null || v.isBlank()) {
            throw new OpenRouterException(
                    "rankings page " + url + ": row " + i + " has no text at selectors." + field + " '" + sel + "'");
        }
        return v;
    }

    /** "/deepseek/deepseek-v4-flash-20260731" (or an absolute link) → "deepseek/deepseek-v4-flash-20260731". */
    static String slug(String href, URI page, int i) {
        String path = URI.create(href.strip()).getPath();
        String s = path == null ? "" : path.replaceAll("^/+", "").replaceAll("/+$", "");
        if (s.indexOf('/') <= 0)
            throw new OpenRouterException(
                    "rankings page " + page + ": row " + i + " links to '" + href + "', not a model");
        return s;
    }

    /** "11.1T tokens" → 11100000000000 (exact decimal scaling, as precise as printed). */
    static long tokens(String text, URI page, int i) {
        String t = text.strip().replaceFirst("(?i)\\s*tokens?$", "");
        try {
            return HumanNumber.parse(t);
        } catch (NumberFormatException e) {
            throw new OpenRouterException(
                    "rankings page " + page + ": row " + i + " token count unreadable: " + e.getMessage());
        }
    }
}
