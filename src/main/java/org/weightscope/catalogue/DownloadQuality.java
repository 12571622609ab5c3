package org.weightscope.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flags on download counts that do not measure adoption. No adjusted figure is offered: no documented adjustment
 * exists for any of them, so the flagged share is shown beside the figure instead.
 *
 * <ul>
 *   <li>{@code ci-inflated}: test models that continuous-integration jobs download on every run (the namespaces
 *       the Hugging Face libraries' test suites use, and "tiny-random" checkpoints).
 *   <li>{@code gguf-files}: GGUF repositories, where the Hub counts a download per GGUF file fetched (there is no
 *       config file to count once per repository), so one user trying several quantisations counts several times.
 *   <li>{@code download-jump}: the 30-day count grew a hundredfold or more (two orders of magnitude) between two
 *       captures at most one day apart, to at least 1,000.
 * </ul>
 */
public final class DownloadQuality {

    public static final String CI_INFLATED = "ci-inflated";
    public static final String GGUF_FILES = "gguf-files";
    public static final String DOWNLOAD_JUMP = "download-jump";

    /** Namespaces of the test models that CI suites of transformers, trl, peft, optimum and diffusers fetch. */
    static final Set<String> CI_NAMESPACES = Set.of(
            "hf-internal-testing",
            "trl-internal-testing",
            "peft-internal-testing",
            "optimum-internal-testing",
            "hf-tiny-model-private",
            "diffusers-internal-dev");

    static final double JUMP = 100;
    static final long JUMP_MIN = 1_000;

    private DownloadQuality() {}

    static List<String> flags(Release r) {
        List<String> out = new ArrayList<>();
        String repo = r.repoId() == null ? "" : r.repoId().toLowerCase(Locale.ROOT);
        String namespace = repo.contains("/") ? repo.substring(0, repo.indexOf('/')) : "";
        if (CI_NAMESPACES.contains(namespace) || repo.contains("tiny-random")) out.add(CI_INFLATED);
        if (r.tags().contains("gguf") || repo.endsWith("-gguf") || repo.endsWith("_gguf")) out.add(GGUF_FILES);
        if (jumped(r)) out.add(DOWNLOAD_JUMP);
        return out;
    }

    private static boolean jumped(Release r) {
        Map.Entry<LocalDate, Release.Capture> prev = null;
        for (Map.Entry<LocalDate, Release.Capture> e : r.captures().entrySet()) {
            Long now = e.getValue().downloads30d();
            if (prev != null
                    && now != null
                    && prev.getValue().downloads30d() != null
                    && ChronoUnit.DAYS.between(prev.getKey(), e.getKey()) <= 1
                    && now >= JUMP_MIN
                    && now >= JUMP * Math.max(1, prev.getValue().downloads30d())) {
                return true;
            }
            prev = e;
        }
        return false;
    }
}
