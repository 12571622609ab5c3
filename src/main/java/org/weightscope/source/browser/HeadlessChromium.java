package org.weightscope.source.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.weightscope.source.SourceException;

/**
 * Debian's Chromium driven by Playwright, for hub pages that only exist after their JavaScript ran
 * (OpenRouter's rankings). Playwright's own browser download is never used
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1): the executable comes from WEIGHTSCOPE_CHROMIUM or /usr/bin/chromium.
 * One instance per crawl run; each {@link #withPage} gets a fresh context, so no cookies leak between reads.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path DEFAULT_EXECUTABLE =
            Path.of(System.getenv().getOrDefault("WEIGHTSCOPE_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static HeadlessChromium launch() {
        return launch(DEFAULT_EXECUTABLE);
    }

    public static HeadlessChromium launch(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new SourceException("Chromium not found at " + executable
                    + ": install it (apt-get install chromium) or set WEIGHTSCOPE_CHROMIUM");
        }
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            // no GPU in containers; no background traffic that is not ours
                            .setArgs(List.of(
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run",
                                    "--disable-quic")));
            return new HeadlessChromium(playwright, browser);
        } catch (PlaywrightException e) {
            playwright.close();
            throw new SourceException("Chromium at " + executable + " did not start: " + e.getMessage(), e);
        }
    }

    /** Runs {@code read} on a new page with our User-Agent; the context is closed afterwards. */
    public <T> T withPage(String userAgent, Function<Page, T> read) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setUserAgent(userAgent)
                .setLocale("en-US")
                .setViewportSize(1280, 1000))) {
            return read.apply(context.newPage());
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
