package org.weightscope.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.shared.CsvWriter;
import org.weightscope.usage.RouterUsageService;
import org.weightscope.usage.TokenShare;

/**
 * {@code GET /api/v1/router-usage}: OpenRouter tokens by origin for a day or an ISO week. The citation is
 * OpenRouter's own line (CC BY 4.0 requires it with every figure), followed by Weightscope's attribution
 * rule; the {@code other} row is the separate "unattributed long tail", never folded into a country.
 */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
class RouterUsageController {

    private static final Set<String> PARAMS = Set.of("day", "view", "window", "format");

    private final RouterUsageService usage;
    private final Clock clock;

    RouterUsageController(RouterUsageService usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    record OriginFigure(String key, BigDecimal tokens, double share) {}

    record LongTail(String label, long tokens, double share) {}

    record UsageAnswer(
            @JsonProperty("as_of") String asOf,
            String metric,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation,
            String licence,
            String window,
            String from,
            String to,
            List<String> days,
            @JsonProperty("row_window") String rowWindow,
            @JsonProperty("total_tokens") long totalTokens,
            List<OriginFigure> figures,
            @JsonProperty("long_tail") LongTail longTail,
            String caveat) {}

    @GetMapping(
            path = ApiController.BASE + "/router-usage",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "OpenRouter token share by origin, per day or ISO week",
            description = "Tokens (prompt + completion) served on OpenRouter, credited to the origin of each model"
                    + " (its Hugging Face model's attribution when OpenRouter names one, else its author through the"
                    + " registry). The 'other' row is reported apart as the unattributed long tail. Cite OpenRouter"
                    + " as in the citation field (CC BY 4.0).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UsageAnswer.class)))
    @FormatParameter
    ResponseEntity<?> routerUsage(
            @Parameter(description = "UTC day (yyyy-mm-dd), default the newest stored") @RequestParam(required = false)
                    String day,
            @Parameter(description = "origin view: lineage (default) or uploader") @RequestParam(required = false)
                    String view,
            @Parameter(description = "day (default) or week (the ISO week holding day)") @RequestParam(required = false)
                    String window,
            HttpServletRequest request) {
        boolean csv = Params.answerCsv(request, PARAMS);
        String v = Params.view(view).id();
        String w = window == null ? RouterUsageService.DAY : window.strip().toLowerCase(Locale.ROOT);
        if (!w.equals(RouterUsageService.DAY) && !w.equals(RouterUsageService.WEEK)) {
            throw new BadParameterException(
                    "window", "unknown window '" + Params.shorten(window) + "' (use day or week)");
        }
        LocalDate d = Params.date("day", day);
        if (d == null) d = usage.latestDay().orElse(LocalDate.now(clock));
        TokenShare s = w.equals(RouterUsageService.WEEK) ? usage.weekly(d, v) : usage.daily(d, v);
        String citation = (s.citation() == null
                        ? "Source: OpenRouter (openrouter.ai/rankings), no data stored for this period."
                        : s.citation())
                + " Attribution: Weightscope, view " + v + ", rule " + s.ruleVersion() + ".";
        if (csv) {
            CsvWriter out = new CsvWriter(citation, List.of("origin", "tokens", "share"));
            for (TokenShare.OriginTokens o : s.byOrigin()) {
                out.row(List.of(o.origin(), o.tokens(), o.share()));
            }
            out.row(List.of(TokenShare.LONG_TAIL, s.longTailTokens(), s.longTailShare()));
            return Csv.response(out, "router-usage");
        }
        List<OriginFigure> figures = new ArrayList<>();
        s.byOrigin().forEach(o -> figures.add(new OriginFigure(o.origin(), o.tokens(), o.share())));
        return Responses.json(new UsageAnswer(
                s.asOf(),
                "router-tokens",
                v,
                s.ruleVersion(),
                citation,
                "CC BY 4.0 (OpenRouter Data API)",
                s.window(),
                s.from().toString(),
                s.to().toString(),
                s.days().stream().map(LocalDate::toString).toList(),
                s.rowWindow(),
                s.totalTokens(),
                figures,
                new LongTail(TokenShare.LONG_TAIL, s.longTailTokens(), s.longTailShare()),
                s.caveat()));
    }
}
