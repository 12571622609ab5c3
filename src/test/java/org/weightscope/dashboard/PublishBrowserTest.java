package org.weightscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.Browser;

/**
 * Issue 18 in Chromium, on the recorded data: the overview's answer sentence agrees with the pies and the API;
 * every panel can be published (tabs, permalink with language, PNG/SVG with title and source drawn in, CSV/JSON from
 * the API without a session, an embed that renders in another origin's iframe); no view scrolls sideways at 390 px;
 * the Chinese UI leaves no English UI string; unknown URLs are a 404 page. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishBrowserTest extends BrowserIntegrationTest {

    static final Pattern PERCENT = Pattern.compile("(\\d+\\.\\d) %");
    static final List<String> VIEWS = List.of(
            "",
            "explore",
            "models",
            "models/huggingface/Qwen/Qwen2.5-Coder-32B-Instruct",
            "events",
            "router-usage",
            "organisations",
            "exposure",
            "methodology",
            "crawls");

    @Test
    void theAnswerFirstSaysWhatThePiesAndTheApiSay() throws Exception {
        JsonNode lineage = json("api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=100");
        JsonNode uploader = json("api/v1/adoption?metric=downloads-30d&by=origin&view=uploader&top=100");
        String day = lineage.get("as_of").asText();
        Page page = browser.newPage("en-GB");
        page.navigate(url(""));
        page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
        String sentence = page.textContent("#answer-sentence");
        System.out.println("answer: " + sentence);
        assertThat(sentence)
                .startsWith("In the 30 days to " + day + ", across "
                        + lineage.at("/coverage/models").asInt() + " models (captured ")
                .contains("models from Chinese developers drew")
                .contains("(lineage view; by uploader:");
        Matcher m = PERCENT.matcher(sentence);
        List<String> shares = new ArrayList<>();
        while (m.find()) shares.add(m.group(1) + " %");
        assertThat(shares)
                .containsExactly(
                        percent(share(lineage, "CN")),
                        percent(share(lineage, "US")),
                        percent(share(uploader, "CN")),
                        percent(share(uploader, "US")));
        // the pies show the same figures: CN's slice over the pie's total is the sentence's share
        for (String pie : List.of("share-by-origin-lineage", "share-by-origin-uploader")) {
            JsonNode shown = JSON.readTree((String) page.evalOnSelector("#" + pie, "el => el.renderedSeries()"));
            JsonNode api = pie.endsWith("lineage") ? lineage : uploader;
            for (int i = 0; i < shown.path("keys").size(); i++) {
                if (shown.path("keys").get(i).asText().equals("CN")) {
                    assertThat(percent(shown.path("values").get(i).asDouble()
                                    / api.get("total").asDouble()))
                            .isEqualTo(percent(share(api, "CN")));
                }
            }
        }
        String citation = page.inputValue("#answer-citation textarea");
        assertThat(citation)
                .contains(sentence)
                .contains("Source: Weightscope, as of " + day)
                .contains("http://localhost:" + port + "/?at=" + day + "&lang=en");
        assertThat(page.locator("#answer .coverage-warning").count()).isPositive();
        // how this compares: each study's published figure beside ours for the same view
        assertThat(page.locator("#how-this-compares .study").count()).isEqualTo(3);
        assertThat(page.textContent("[data-study=economies-2025] .study-theirs"))
                .contains("17.1 %")
                .contains("15.8 %");
        assertThat(page.textContent("[data-study=economies-2025] .study-ours"))
                .contains("uploader view")
                .contains("CN " + percent(share(uploader, "CN")))
                .contains("US " + percent(share(uploader, "US")));
        assertThat(page.textContent("[data-study=atom-2026] .study-theirs"))
                .contains("1.15B")
                .contains("723M");
        assertThat(page.textContent("[data-study=atom-2026] .study-ours"))
                .contains("lineage view")
                .contains("CN " + percent(share(lineage, "CN")));
        assertThat(page.textContent("#how-this-compares")).contains("Why the figures differ");
        Browser.screenshot(page, "overview-answer");
    }

    @Test
    void everyPanelIsPublishable() throws Exception {
        Page page = browser.newPage("en-GB");
        page.navigate(url(""));
        page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
        String panel = "#share-by-origin-lineage";
        // a text alternative on the chart, and the table tab with the API's numbers
        assertThat(page.getAttribute(panel, "aria-label")).isNotBlank();
        JsonNode api = json("api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=10");
        page.click(panel + "-tab-table");
        page.waitForSelector(panel + "-table vaadin-grid-cell-content");
        List<String> cells =
                page.locator(panel + "-table vaadin-grid-cell-content").allTextContents();
        assertThat(cells).contains("China (CN)", percent(share(api, "CN")));
        page.click(panel + "-tab-chart");
        // permalink with the language
        String permalink = page.getAttribute(panel + "-permalink", "href");
        assertThat(permalink)
                .contains("lang=en")
                .contains("at=" + api.get("as_of").asText());
        // SVG: title and source in its text
        Download svg = page.waitForDownload(() -> page.click(panel + "-svg"));
        String svgText = Files.readString(svg.path(), StandardCharsets.UTF_8);
        assertThat(svg.suggestedFilename()).endsWith(".svg");
        assertThat(svgText)
                .startsWith("<svg")
                .contains("Share of 30-day downloads by origin — lineage view")
                .contains("Source: http://localhost:" + port + "/?at=")
                .contains("As of " + api.get("as_of").asText())
                .contains("lineage view");
        Files.writeString(Browser.SCREENSHOTS.resolve("share-by-origin-lineage.svg"), svgText);
        // PNG: ink in the title band and in the caption band below the chart
        Download png = page.waitForDownload(() -> page.click(panel + "-png"));
        BufferedImage image = ImageIO.read(png.path().toFile());
        Files.copy(
                png.path(),
                Browser.SCREENSHOTS.resolve("share-by-origin-lineage-download.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(inkRows(image, 0, 88)).as("title drawn into the PNG").isGreaterThan(10);
        assertThat(inkRows(image, image.getHeight() - 60, image.getHeight()))
                .as("source line drawn into the PNG")
                .isGreaterThan(8);
        // the same text as the drawn lines is what the SVG shows; the PNG carries it as pixels
        String lastPng = (String) page.evalOnSelector(panel, "el => el.lastPng.substring(0, 30)");
        assertThat(lastPng).startsWith("data:image/png;base64,");
        // CSV from the stable API URL, without a session: 200, the numbers, no 2.2E8
        String csvUrl = page.getAttribute(panel + "-csv", "href");
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(csvUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("set-cookie")).isEmpty();
        for (JsonNode f : api.get("figures")) {
            assertThat(csv.body())
                    .contains(f.get("key").asText() + "," + plain(f.get("value").asDouble()));
        }
        assertThat(csv.body()).doesNotContainPattern("\\d[eE][+-]?\\d");
        assertThat(json(page.getAttribute(panel + "-json", "href").replace(url(""), ""))
                        .get("figures"))
                .isEqualTo(api.get("figures"));
        System.out.println("csv: " + csvUrl + "\n" + csv.body().lines().limit(3).toList());
        // the series panel links the API series of exactly its chart
        assertThat(page.getAttribute("#share-over-time-csv", "href"))
                .contains("&from=")
                .contains("&to=");
        // the embed code's route, rendered in an iframe of a page from another origin
        page.click(panel + "-embed");
        String code = page.inputValue(panel + "-embed-code textarea");
        String src = code.replaceAll("(?s).*src=\"([^\"]+)\".*", "$1");
        assertThat(src).startsWith("http://localhost:" + port + "/embed/overview/share-by-origin-lineage?at=");
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", x -> {
            byte[] body = ("<!doctype html><html><body><h1>Another site</h1>" + code + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        other.start();
        try {
            Page host = browser.newPage("en-GB");
            Response embedResponse = host.waitForResponse(
                    r -> r.url().startsWith(src.substring(0, src.indexOf('?'))),
                    () -> host.navigate("http://127.0.0.1:" + other.getAddress().getPort() + "/"));
            assertThat(embedResponse.status()).isEqualTo(200);
            assertThat(embedResponse.headerValue("x-frame-options")).isNull();
            assertThat(embedResponse.headerValue("content-security-policy")).contains("frame-ancestors *");
            FrameLocator frame = host.frameLocator("iframe");
            assertThat(frame.locator("h1").textContent())
                    .isEqualTo("Share of 30-day downloads by origin — lineage view");
            assertThat(frame.locator("svg rect").count())
                    .isEqualTo(api.get("figures").size());
            assertThat(frame.locator("table").textContent()).contains("China (CN)", percent(share(api, "CN")));
            Browser.screenshot(host, "embed-in-another-origin");
        } finally {
            other.stop(0);
        }
        // only the embed route may be framed
        HttpResponse<String> app = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url(""))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(app.headers().firstValue("x-frame-options")).hasValue("DENY");
        Browser.screenshot(page, "overview-publish");
    }

    @Test
    void noViewScrollsSidewaysAtPhoneWidth() {
        Page page = browser.newPage("en-GB");
        page.setViewportSize(390, 844);
        List<String> overflowing = new ArrayList<>();
        for (String view : VIEWS) {
            page.navigate(url(view));
            page.waitForSelector("#main-content");
            page.waitForLoadState();
            if (view.isEmpty()) {
                page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
            }
            Object widths = page.evaluate("() => document.documentElement.scrollWidth + ' <= ' + window.innerWidth");
            Object ok = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
            if (!Boolean.TRUE.equals(ok)) {
                overflowing.add("/" + view + ": " + widths + " " + widest(page));
            }
            if (view.isEmpty()) {
                Browser.screenshot(page, "overview-390px");
                // the chart follows its box
                assertThat(((Number) page.evalOnSelector("#share-by-origin-lineage", "el => el._chart.getWidth()"))
                                .intValue())
                        .isLessThanOrEqualTo(390);
            }
            if (view.equals("models")) {
                Browser.screenshot(page, "models-390px");
            }
        }
        assertThat(overflowing).isEmpty();
    }

    @Test
    void theChineseUiLeavesNoEnglishUiString() throws Exception {
        Properties en = bundle("vaadin-i18n/translations.properties");
        Properties zh = bundle("vaadin-i18n/translations_zh_CN.properties");
        List<String> english = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key);
            String chinese = zh.getProperty(key, "");
            for (String part : value.split("\\{\\d\\}|''")) {
                String p = part.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
                // the same in both languages (Weightscope, PNG, CSV, file names) is not a string left untranslated
                if (p.length() >= 4 && p.matches(".*[A-Za-z]{3}.*") && !chinese.contains(p)) {
                    english.add(p);
                }
            }
        }
        Page page = browser.newPage("en-GB"); // an English browser: ?lang=zh alone chooses Chinese
        page.navigate(url("?lang=zh"));
        page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
        assertThat(page.evaluate("() => document.documentElement.lang")).isEqualTo("zh-CN");
        assertThat(page.getAttribute("#skip-link", "href")).isEqualTo("#main-content");
        assertThat(page.getAttribute("#share-by-origin-lineage-permalink", "href"))
                .contains("lang=zh");
        Browser.screenshot(page, "overview-zh-lang");
        List<String> left = new ArrayList<>();
        for (String view : VIEWS) {
            page.navigate(url(view));
            page.waitForSelector("#main-content");
            page.waitForLoadState();
            // content marked as English (a publication's own title) is quoted, not UI
            String text = hubDataRemoved((String) page.evaluate("() => { document.querySelectorAll('[lang=en]')"
                    + ".forEach(e => e.style.display = 'none'); return document.body.innerText; }"));
            for (String s : english) {
                Matcher hit = word(s).matcher(text);
                if (hit.find()) {
                    left.add("/" + view + ": \"" + s + "\" in \""
                            + text.substring(Math.max(0, hit.start() - 30), Math.min(text.length(), hit.end() + 30))
                                    .replace('\n', ' ')
                            + "\"");
                }
            }
        }
        System.out.println("English UI strings left in the Chinese UI: " + left);
        assertThat(left).isEmpty();
        // unknown URLs: a 404 page, not the login page
        Response missing = page.navigate(url("no-such-page"));
        // the page request was seen redirected once (by what is not yet known; see the closing note): the check is
        // where it lands, the 404 view and not the login page
        System.out.println("unknown URL: " + missing.status() + " " + missing.url() + " from "
                + (missing.request().redirectedFrom() == null
                        ? "-"
                        : missing.request().redirectedFrom().url()));
        page.waitForSelector("#not-found");
        assertThat(page.url()).doesNotContain("login");
        assertThat(page.textContent("#not-found")).contains("页面不存在");
        assertThat(page.navigate(url("countries/CN")).status()).isEqualTo(200); // a view with a parameter is found
        Browser.screenshot(page, "not-found-zh");
    }

    @Test
    void modelsHaveAHubColumnSortingFullIdsAndDidYouMean() {
        Page page = browser.newPage("en-GB");
        page.navigate(url("models?q=deepsek"));
        page.waitForSelector("#did-you-mean");
        assertThat(page.textContent("#did-you-mean")).contains("deepseek");
        page.waitForSelector("#models-grid vaadin-grid-cell-content a");
        List<String> links =
                page.locator("#models-grid vaadin-grid-cell-content a").allTextContents();
        assertThat(links)
                .isNotEmpty()
                .allMatch(id -> id.toLowerCase(Locale.ROOT).contains("deepseek"));
        // full ids: the whole id as text and as a tooltip, never cut
        String first = links.get(0);
        assertThat(page.locator("#models-grid vaadin-grid-cell-content a")
                        .first()
                        .getAttribute("title"))
                .isEqualTo(first);
        List<String> headers = page.locator("#models-grid vaadin-grid-sorter").allTextContents();
        assertThat(headers).contains("Hub", "Model", "30-day downloads");
        List<String> cells =
                page.locator("#models-grid vaadin-grid-cell-content").allTextContents();
        assertThat(cells).containsAnyOf("huggingface", "modelscope", "ollama", "openrouter");
        Browser.screenshot(page, "models-did-you-mean");
        // sorting by downloads: click twice for descending, the first row is the most downloaded
        page.navigate(url("models?q=qwen"));
        page.waitForSelector("#models-grid vaadin-grid-cell-content a");
        page.click("#models-grid vaadin-grid-sorter:has-text('30-day downloads')");
        page.click("#models-grid vaadin-grid-sorter:has-text('30-day downloads')");
        assertThat(page.getAttribute("#models-grid vaadin-grid-sorter:has-text('30-day downloads')", "direction"))
                .isEqualTo("desc");
    }

    @Test
    void routerUsageOpensOnTheNewestDayWithData() throws Exception {
        Page page = browser.newPage("en-GB");
        page.navigate(url("router-usage"));
        page.waitForSelector("#router-usage-grid");
        String day = page.inputValue("#usage-day input");
        assertThat(day).matches("\\d{4}-\\d{2}-\\d{2}");
        String text = page.textContent("#usage-citation");
        JsonNode answer = json("api/v1/router-usage"); // the API's default: the newest stored day
        System.out.println("router usage opens on " + day + ": " + text);
        if (answer.path("figures").isEmpty()) {
            assertThat(text).contains("Router usage comes from OpenRouter");
        } else {
            assertThat(day).isEqualTo(answer.get("from").asText());
            assertThat(text).doesNotContain("No router usage stored");
        }
        Browser.screenshot(page, "router-usage-newest-day");
    }

    @Test
    void explorerSeriesSplitAndEntityPages() throws Exception {
        Page page = browser.newPage("en-GB");
        page.navigate(url("explore?metric=downloads-30d&by=origin&view=lineage&top=5&chart=series"
                + "&from=2024-11-01&to=2026-08-22"));
        page.waitForSelector("#explorer-chart[data-rendered] canvas");
        JsonNode option = JSON.readTree(page.getAttribute("#explorer-chart", "data-option"));
        assertThat(option.at("/xAxis/type").asText()).isEqualTo("time");
        assertThat(option.at("/dataZoom/0/type").asText()).isEqualTo("slider");
        JsonNode api = json("api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=100"
                + "&from=2024-11-01&to=2026-08-22");
        JsonNode firstSeries = option.at("/series/0/data");
        assertThat(firstSeries.size()).isEqualTo(api.get("series").size());
        for (JsonNode point : firstSeries) {
            assertThat(point.get(1).isNull() || point.get(1).canConvertToLong()).isTrue();
            if (!point.get(1).isNull()) assertThat(point.get(1).asText()).doesNotContain(".");
        }
        assertThat(page.getAttribute("#explorer-chart-csv", "href")).contains("from=2024-11-01");
        Browser.screenshot(page, "explorer-series");
        // licence class within CN vs US
        page.navigate(url("explore?metric=models&by=origin&view=lineage&origin=CN,US&split=licence-class&chart=bar"));
        page.waitForSelector("#explorer-chart[data-rendered] canvas");
        JsonNode split = JSON.readTree(page.getAttribute("#explorer-chart", "data-option"));
        assertThat(split.at("/series/0/stack").asText()).isEqualTo("total");
        assertThat(split.at("/yAxis/data").toString()).contains("China (CN)");
        Browser.screenshot(page, "explorer-split");
        // a country's page and an organisation's page
        page.navigate(url("countries/CN"));
        page.waitForSelector("#entity-licences[data-rendered] canvas");
        assertThat(page.textContent("#entity-name")).isEqualTo("China (CN)");
        JsonNode lineage = json("api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=100");
        assertThat(page.textContent("#entity-share")).contains(percent(share(lineage, "CN")));
        assertThat(page.textContent("#entity-models-count")).containsPattern("\\d+ models");
        assertThat(page.textContent("#entity-derivatives")).containsPattern("\\d+");
        page.waitForSelector("#entity-trend[data-rendered] canvas");
        Browser.screenshot(page, "country-CN");
        page.navigate(url("organisations"));
        page.waitForSelector("#organisations-grid vaadin-grid-cell-content a");
        page.click("#organisations-grid vaadin-grid-cell-content a:has-text('Alibaba')");
        page.waitForSelector("#entity-name");
        assertThat(page.url()).contains("/organisations/");
        page.waitForSelector("#entity-models vaadin-grid-cell-content a");
        Browser.screenshot(page, "organisation-page");
    }

    @Test
    void exposureWorkflow() throws Exception {
        Page page = browser.newPage("en-GB");
        page.navigate(url("exposure"));
        page.waitForSelector("#inventory-upload");
        Download template = page.waitForDownload(() -> page.click("#exposure-template"));
        String csv = Files.readString(template.path());
        assertThat(csv).startsWith("model,business_unit,weight");
        byte[] inventory;
        try (InputStream in = getClass().getResourceAsStream("/exposure/inventory.csv")) {
            inventory = in.readAllBytes();
        }
        page.setInputFiles(
                "#inventory-upload input[type=file]",
                new com.microsoft.playwright.options.FilePayload("inventory.csv", "text/csv", inventory));
        page.waitForSelector("#exposure-components vaadin-grid-cell-content");
        String table = String.join(
                " | ",
                page.locator("#exposure-components vaadin-grid-cell-content").allTextContents());
        assertThat(table).contains("unknown — ").contains("Engineering");
        List<String> units =
                page.locator("#exposure-units vaadin-grid-cell-content").allTextContents();
        assertThat(units).contains("Engineering", "Marketing", "Customer Support");
        assertThat(page.textContent("#exposure-report")).contains("HHI is the sum of the squared percentage shares");
        assertThat(page.textContent("#exposure-as-of")).startsWith("Catalogue as of 20");
        assertThat(page.locator(".exposure-risk").count()).isPositive();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        // printed without navigation: the header (language switch) and the drawer (side nav) take no space
        assertThat(((Number) page.evaluate("() => document.querySelector('#language').getBoundingClientRect().height"
                                + " + document.querySelector('vaadin-side-nav').getBoundingClientRect().height"))
                        .doubleValue())
                .isEqualTo(0.0);
        Browser.screenshot(page, "exposure-print");
    }

    private static Pattern word(String s) {
        return Pattern.compile("(?<![A-Za-z])" + Pattern.quote(s) + "(?![A-Za-z])");
    }

    /**
     * Hub data and identifiers are not UI strings: model and organisation ids (owner/name), URLs and paths, metric
     * ids with their version ("models v2"), rule versions.
     */
    static String hubDataRemoved(String text) {
        return text.replaceAll("https?://\\S+", " ")
                .replaceAll("recording:\\S+", " ")
                .replaceAll("weightscope\\.[\\w.-]+", " ")
                // the methodology names each class by its id, then in Chinese: "permissive（宽松…）"
                .replaceAll("[a-z][a-z-]+(?=（)", " ")
                .replaceAll("[\\w.@:+-]+(/[\\w.@%+-]+)+", " ")
                .replaceAll("\\b(downloads-30d|models)\\s+v\\d+", " ")
                .replaceAll("attribution-\\d+\\S*", " ");
    }

    private static String widest(Page page) {
        return String.valueOf(
                page.evaluate(
                        "() => { let w = null; for (const e of document.querySelectorAll('body *'))"
                                + " { const r = e.getBoundingClientRect(); if (r.right > window.innerWidth + 1 && (!w || r.right > w.r))"
                                + " w = { r: r.right, d: e.tagName + '#' + e.id + '.' + e.className }; } return w ? w.d + ' ' + w.r : ''; }"));
    }

    private static int inkRows(BufferedImage image, int from, int to) {
        int rows = 0;
        for (int y = Math.max(0, from); y < Math.min(image.getHeight(), to); y++) {
            for (int x = 0; x < image.getWidth() / 2; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (((rgb >> 16) & 0xff) < 128 && ((rgb >> 8) & 0xff) < 128 && (rgb & 0xff) < 128) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    private static Properties bundle(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PublishBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static double share(JsonNode answer, String key) {
        for (JsonNode f : answer.get("figures")) {
            if (f.get("key").asText().equals(key)) return f.get("share").asDouble();
        }
        return 0;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String plain(double v) {
        return v == Math.rint(v)
                ? String.valueOf((long) v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
