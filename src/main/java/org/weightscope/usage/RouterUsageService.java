package org.weightscope.usage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.OriginCredit;
import org.weightscope.shared.HubFigures;
import org.weightscope.source.UsagePage;

/**
 * Router token usage: stores the rows a usage source fetched, each credited to countries of origin, and
 * answers the token share by origin per day or ISO week in either origin view. The long-tail row
 * ({@code other}) is reported apart as {@link TokenShare#LONG_TAIL}, never dropped and never spread.
 *
 * <p>A slug's origin: the OpenRouter model with that permaslug (variant suffix such as {@code :free}
 * ignored) → its {@code hugging_face_id} → that Hugging Face model's attribution when it is stored; else the
 * OpenRouter model's own attribution (its author prefix through the registry's {@code openrouter}
 * namespaces); else the slug's author prefix through the registry; else unattributed.
 */
@Service
public class RouterUsageService {

    public static final String HUB = "openrouter";
    public static final String DAY = "day";
    public static final String WEEK = "week";
    static final String VIA_HF = "huggingface";
    static final String VIA_ROUTER = "openrouter";
    static final String VIA_NONE = "unattributed";
    static final String VIA_LONG_TAIL = "long-tail";

    private final RouterUsageIndex index;
    private final CatalogueService catalogue;
    private final AttributionRules rules;
    private final Clock clock;

    RouterUsageService(RouterUsageIndex index, CatalogueService catalogue, AttributionRules rules, Clock clock) {
        this.index = index;
        this.catalogue = catalogue;
        this.rules = rules;
        this.clock = clock;
    }

    /** Stores one usage page's rows with their origin credit; returns how many rows were stored. */
    public int store(UsagePage page, String runId) {
        Origins origins = new Origins();
        Instant now = clock.instant();
        List<RouterUsageRow> rows = new ArrayList<>(page.rows().size());
        for (UsagePage.Row r : page.rows()) {
            String id = r.window() + ":" + r.day() + ":" + r.modelSlug();
            if (r.longTail()) {
                rows.add(new RouterUsageRow(
                        id,
                        r.day(),
                        r.window(),
                        r.modelSlug(),
                        true,
                        r.tokens(),
                        null,
                        VIA_LONG_TAIL,
                        List.of(),
                        page.asOf(),
                        page.citation(),
                        RouterUsageRow.LICENCE,
                        rules.version(),
                        runId,
                        now));
                continue;
            }
            Origin o = origins.of(r.modelSlug());
            List<RouterUsageRow.Credit> credit = new ArrayList<>();
            for (OriginCredit c : OriginCredit.of(o.attribution(), null)) {
                credit.add(new RouterUsageRow.Credit(c.view(), c.country(), c.share(), r.tokens() * c.share()));
            }
            rows.add(new RouterUsageRow(
                    id,
                    r.day(),
                    r.window(),
                    r.modelSlug(),
                    false,
                    r.tokens(),
                    o.modelId(),
                    o.via(),
                    credit,
                    page.asOf(),
                    page.citation(),
                    RouterUsageRow.LICENCE,
                    o.attribution().ruleVersion(),
                    runId,
                    now));
        }
        index.saveAll(rows);
        return rows.size();
    }

    /** Newest day with daily rows (Data API), else with weekly rows (rankings page). */
    public Optional<LocalDate> latestDay() {
        return index.latestDay(DAY).or(() -> index.latestDay(WEEK));
    }

    /** Rows stored for one day (daily window first, else the weekly page read that day), for tables and CSV. */
    public List<RouterUsageRow> rows(LocalDate day) {
        List<RouterUsageRow> rows = index.between(DAY, day, day);
        return rows.isEmpty() ? index.between(WEEK, day, day) : rows;
    }

    /** Token share by origin on one UTC day, in {@code view} ({@code lineage} or {@code uploader}). */
    public TokenShare daily(LocalDate day, String view) {
        List<RouterUsageRow> rows = index.between(DAY, day, day);
        String rowWindow = DAY;
        if (rows.isEmpty()) {
            // keyless fallback: the weekly top list read that day (no long tail on that page)
            rows = index.between(WEEK, day, day);
            rowWindow = WEEK;
        }
        return share(DAY, day, day, rows, rowWindow, view);
    }

    /**
     * Token share by origin over the ISO week (Monday to Sunday) holding {@code day}: the daily rows of its
     * days summed (token counts are per day, so unlike 30-day downloads they add up); without daily rows,
     * the newest weekly rankings-page reading within the week.
     */
    public TokenShare weekly(LocalDate day, String view) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        List<RouterUsageRow> rows = index.between(DAY, monday, sunday);
        String rowWindow = DAY;
        if (rows.isEmpty()) {
            List<RouterUsageRow> page = index.between(WEEK, monday, sunday);
            LocalDate newest = page.stream()
                    .map(RouterUsageRow::day)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            rows = page.stream().filter(r -> r.day().equals(newest)).toList();
            rowWindow = WEEK;
        }
        return share(WEEK, monday, sunday, rows, rowWindow, view);
    }

    static TokenShare share(
            String window, LocalDate from, LocalDate to, List<RouterUsageRow> rows, String rowWindow, String view) {
        String v = view == null ? OriginCredit.LINEAGE : view.toLowerCase(Locale.ROOT);
        if (!OriginCredit.LINEAGE.equals(v) && !OriginCredit.UPLOADER.equals(v)) {
            throw new IllegalArgumentException("view must be lineage or uploader, was '" + view + "'");
        }
        Map<String, BigDecimal> byCountry = new TreeMap<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        long longTail = 0;
        long total = 0;
        String asOf = null;
        String citation = null;
        String ruleVersion = null;
        for (RouterUsageRow r : rows) {
            days.add(r.day());
            total = Math.addExact(total, r.tokens());
            if (asOf == null || (r.asOf() != null && r.asOf().compareTo(asOf) > 0)) {
                asOf = r.asOf();
                citation = r.citation();
            }
            if (r.longTail()) {
                longTail = Math.addExact(longTail, r.tokens());
                continue;
            }
            if (!r.longTail() && r.ruleVersion() != null) ruleVersion = r.ruleVersion();
            List<RouterUsageRow.Credit> credit =
                    r.credit().stream().filter(c -> v.equals(c.view())).toList();
            if (credit.isEmpty()) {
                byCountry.merge(Attribution.UNATTRIBUTED, BigDecimal.valueOf(r.tokens()), BigDecimal::add);
            }
            for (RouterUsageRow.Credit c : credit) {
                // recomputed from the exact count and share: the stored double of a 10^12 count is not exact
                byCountry.merge(
                        c.country(),
                        BigDecimal.valueOf(r.tokens()).multiply(BigDecimal.valueOf(c.share())),
                        BigDecimal::add);
            }
        }
        List<TokenShare.OriginTokens> out = new ArrayList<>();
        long denominator = total;
        byCountry.forEach((country, tokens) -> out.add(new TokenShare.OriginTokens(
                country,
                tokens,
                denominator == 0
                        ? 0
                        : tokens.divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64)
                                .doubleValue())));
        out.sort(Comparator.comparing(TokenShare.OriginTokens::tokens)
                .reversed()
                .thenComparing(TokenShare.OriginTokens::origin));
        double longTailShare = total == 0 ? 0 : (double) longTail / total;
        return new TokenShare(
                window,
                from,
                to,
                List.copyOf(days),
                rowWindow,
                v,
                out,
                longTail,
                longTailShare,
                total,
                asOf,
                citation,
                TokenShare.CAVEAT,
                ruleVersion);
    }

    /** The origin of one slug. */
    record Origin(String modelId, String via, Attribution attribution) {}

    /** Slug → origin for one stored page: the OpenRouter catalogue is read once, Hugging Face models as needed. */
    private final class Origins {

        private final Map<String, CatalogueModel> bySlug = new HashMap<>();
        private final Map<String, CatalogueModel> byId = new HashMap<>();

        Origins() {
            for (CatalogueModel m : catalogue.modelsOfHub(HUB)) {
                byId.put(m.repoId(), m);
                Object slug = m.facts() == null ? null : m.facts().cardData().get("canonical_slug");
                if (slug instanceof String s) bySlug.put(s, m);
            }
        }

        Origin of(String slug) {
            String base = slug.contains(":") ? slug.substring(0, slug.indexOf(':')) : slug;
            CatalogueModel router = bySlug.getOrDefault(slug, bySlug.getOrDefault(base, byId.get(base)));
            if (router != null) {
                Object hf = router.facts() == null
                        ? null
                        : router.facts().cardData().get("hugging_face_id");
                if (hf instanceof String hfId && !hfId.isBlank()) {
                    CatalogueModel onHf = catalogue
                            .findAll(List.of(CatalogueModel.hfId(hfId)))
                            .get(CatalogueModel.hfId(hfId));
                    if (onHf != null && onHf.attribution() != null && attributed(onHf.attribution())) {
                        return new Origin(onHf.id(), VIA_HF, onHf.attribution());
                    }
                }
                if (router.attribution() != null && attributed(router.attribution())) {
                    return new Origin(router.id(), VIA_ROUTER, router.attribution());
                }
            }
            // not in the stored catalogue: the author prefix through the registry (nothing is stored here)
            ModelFacts facts = ModelFacts.of(HUB, base);
            Attribution a = catalogue
                    .describe(List.of(new Observation(facts, HubFigures.NONE, clock.instant(), false, "router-usage")))
                    .getFirst()
                    .attribution();
            String modelId = router == null ? null : router.id();
            return new Origin(modelId, attributed(a) ? VIA_ROUTER : VIA_NONE, a);
        }

        private boolean attributed(Attribution a) {
            return !a.uploaderOrigin().isEmpty() || !a.lineageOrigin().isEmpty();
        }
    }
}
