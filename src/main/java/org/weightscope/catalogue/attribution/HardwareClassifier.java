package org.weightscope.catalogue.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.weightscope.catalogue.Attribution.Hardware;
import org.weightscope.catalogue.HardwareThresholds;
import org.weightscope.catalogue.ModelFacts;

/**
 * Weights memory and hardware class: what it takes to run the model as most people run it. GB = 10^9 bytes.
 *
 * <p>The quantisation sized is the repo's own: a GGUF repo at its Q4_K_M file (or the nearest 4-bit one), AWQ,
 * GPTQ, bnb-4bit, MLX-4bit, NVFP4, MXFP4 at 4 bits, FP8 and int8 at 8 bits, a 16- or 32-bit checkpoint at 16 bits
 * (everyone runs F32 checkpoints in half precision). Ollama tags run at their default, Q4_K_M. Evidence order:
 * file sizes of the crawl (basis {@code files}), safetensors dtype counts ({@code safetensors}), parameter count ×
 * the quantisation's bits ({@code parameters}, the count of the nearest ancestor when the repo has none), size in
 * the name × bits ({@code name}). A parameter count more than 4× off the name's size is flagged.
 */
public final class HardwareClassifier {

    /**
     * Bytes per parameter, in half-bytes so 4-bit types stay integral. Floating types wider than 16 bits count
     * as 16-bit (how they are run); unknown dtypes count as BF16 and mark the result estimated.
     */
    private static final Map<String, Integer> HALF_BYTES = Map.ofEntries(
            Map.entry("F64", 4),
            Map.entry("I64", 16),
            Map.entry("U64", 16),
            Map.entry("F32", 4),
            Map.entry("I32", 8),
            Map.entry("U32", 8),
            Map.entry("BF16", 4),
            Map.entry("F16", 4),
            Map.entry("I16", 4),
            Map.entry("U16", 4),
            Map.entry("F8_E4M3", 2),
            Map.entry("F8_E5M2", 2),
            Map.entry("F8_E8M0", 2),
            Map.entry("I8", 2),
            Map.entry("U8", 2),
            Map.entry("BOOL", 2),
            Map.entry("I4", 1),
            Map.entry("U4", 1),
            Map.entry("MXFP4", 1),
            Map.entry("F4", 1),
            Map.entry("NVFP4", 1));

    private static final int DEFAULT_HALF_BYTES = 4;
    private static final java.util.Set<String> WIDE_FLOATS = java.util.Set.of("F32", "F64");

    /** A quantisation and its average bits per weight (the documented table of the methodology). */
    public record Quantisation(String id, double bits) {}

    public static final Quantisation Q4_K_M = new Quantisation("q4_k_m", 4.85);
    public static final Quantisation BITS_4 = new Quantisation("4bit", 4);
    public static final Quantisation BITS_8 = new Quantisation("8bit", 8);
    public static final Quantisation BITS_16 = new Quantisation("16bit", 16);

    /** GGUF quantisation names and their average bits per weight (llama.cpp's figures, rounded). */
    private static final Map<String, Double> GGUF_BITS = Map.ofEntries(
            Map.entry("q2_k", 2.96),
            Map.entry("q3_k_s", 3.5),
            Map.entry("q3_k_m", 3.91),
            Map.entry("q3_k_l", 4.27),
            Map.entry("iq4_xs", 4.25),
            Map.entry("iq4_nl", 4.5),
            Map.entry("q4_0", 4.55),
            Map.entry("q4_1", 5.0),
            Map.entry("q4_k_s", 4.58),
            Map.entry("q4_k_m", 4.85),
            Map.entry("q5_0", 5.54),
            Map.entry("q5_k_s", 5.54),
            Map.entry("q5_k_m", 5.69),
            Map.entry("q6_k", 6.59),
            Map.entry("q8_0", 8.5),
            Map.entry("f16", 16.0),
            Map.entry("bf16", 16.0));

    private static final Pattern GGUF_QUANT =
            Pattern.compile("(?i)(?<![a-z0-9])(i?q[2-8](?:_[0-9a-z]+){0,2}|bf16|f16)(?![a-z0-9])");
    private static final Pattern FOUR_BIT = Pattern.compile(
            "(?i)(?<![a-z0-9])(awq|gptq|bnb[-_]4bit|4[-_]?bit|int4|w4a16|nvfp4|mxfp4|nf4|fp4|gptq[-_]int4)(?![a-z0-9])");
    private static final Pattern EIGHT_BIT =
            Pattern.compile("(?i)(?<![a-z0-9])(fp8|int8|8[-_]?bit|w8a8|gptq[-_]int8|fp8[-_]dynamic)(?![a-z0-9])");
    private static final Pattern GGUF_NAME = Pattern.compile("(?i)(?<![a-z0-9])gguf(?![a-z0-9])");
    static final String DISAGREES = "parameters-disagree-with-name";

    /**
     * Size hint in a repo name: "7B", "0.5B", "1.5b", "500M", "1T", "8x7B", "30B-A3B". The number must not follow
     * a letter, digit or dot, so "Qwen2.5" or "v1" never read as sizes.
     */
    private static final Pattern SIZE_HINT =
            Pattern.compile("(?<![A-Za-z0-9.])(?:(\\d{1,3})x)?(\\d+(?:\\.\\d+)?)([BMTbmt])(?![A-Za-z0-9])"
                    + "(?:[-_]A(\\d+(?:\\.\\d+)?)([BMbm])(?![A-Za-z0-9]))?");

    private final double edgeBytes;
    private final double consumerBytes;
    private final double datacenterBytes;
    private final double multiGpuBytes;

    public HardwareClassifier(HardwareThresholds t) {
        this.edgeBytes = t.edgeGb() * 1e9;
        this.consumerBytes = t.consumerGpuGb() * 1e9;
        this.datacenterBytes = t.datacenterGpuGb() * 1e9;
        this.multiGpuBytes = t.multiGpuGb() * 1e9;
    }

    /** A parsed name hint; {@code active} is null for dense models. */
    public record SizeHint(long total, Long active) {}

    public Hardware classify(ModelFacts f) {
        return classify(f, List.of());
    }

    /** @param ancestors the model's ancestors in the catalogue, nearest first (their parameter count stands in) */
    public Hardware classify(ModelFacts f, List<ModelFacts> ancestors) {
        SizeHint hint = sizeHint(f.name());
        Long active = hint == null ? null : hint.active();
        boolean gguf = isGguf(f);
        Quantisation q = quantisation(f, gguf);
        List<String> flags = new ArrayList<>(1);

        // 1. file sizes of the weights as the crawl listed them
        FileChoice files = fromFiles(f, gguf);
        if (files != null) {
            Long total = f.totalParameters() != null
                    ? f.totalParameters()
                    : hint == null ? null : Long.valueOf(hint.total());
            flag(flags, total, hint);
            return new Hardware(
                    classOf(files.bytes()),
                    files.bytes(),
                    false,
                    "files",
                    total,
                    active,
                    files.quantisation(),
                    null,
                    flags);
        }
        if (gguf && f.ggufFileBytes() != null && f.ggufFileBytes() > 0) {
            // one file's bytes as the crawl reported them (an already quantised download)
            Long total = f.totalParameters() != null
                    ? f.totalParameters()
                    : hint == null ? null : Long.valueOf(hint.total());
            flag(flags, total, hint);
            return new Hardware(
                    classOf(f.ggufFileBytes()), f.ggufFileBytes(), false, "files", total, active, q.id(), null, flags);
        }
        // 2. safetensors dtype counts: what the checkpoint holds, wide floats at 16 bits
        if (!f.safetensorsParameters().isEmpty()) {
            long halfBytes = 0;
            long params = 0;
            boolean estimated = false;
            long wideParams = 0;
            for (Map.Entry<String, Long> e : f.safetensorsParameters().entrySet()) {
                long n = e.getValue() == null ? 0 : e.getValue();
                String dtype = e.getKey().toUpperCase(Locale.ROOT);
                Integer hb = HALF_BYTES.get(dtype);
                if (hb == null) {
                    hb = DEFAULT_HALF_BYTES;
                    estimated = true;
                }
                if (WIDE_FLOATS.contains(dtype)) wideParams += n;
                halfBytes += n * hb;
                params += n;
            }
            long bytes = (halfBytes + 1) / 2;
            // a checkpoint stored mostly in F32 is sized as it is run (16-bit): an estimate of that run
            boolean wide = wideParams * 2 > params;
            Long total = f.totalParameters() != null ? f.totalParameters() : Long.valueOf(params);
            flag(flags, total, hint);
            return new Hardware(
                    classOf(bytes),
                    bytes,
                    estimated || wide,
                    "safetensors",
                    total,
                    active,
                    wide ? BITS_16.id() : null,
                    null,
                    flags);
        }
        // 3. parameters × the quantisation's bits (the nearest ancestor's count when the repo states none)
        Long params = f.totalParameters() != null && f.totalParameters() > 0 ? f.totalParameters() : null;
        if (params == null) {
            for (ModelFacts a : ancestors) {
                Long p = a.totalParameters();
                if (p == null && !a.safetensorsParameters().isEmpty()) {
                    p = a.safetensorsParameters().values().stream()
                            .mapToLong(v -> v == null ? 0 : v)
                            .sum();
                }
                if (p != null && p > 0) {
                    params = p;
                    flags.add("parameters-of:" + a.repoId());
                    break;
                }
            }
        }
        if (params != null) {
            long bytes = Math.round(params * q.bits() / 8);
            flag(flags, params, hint);
            return new Hardware(classOf(bytes), bytes, true, "parameters", params, active, q.id(), q.bits(), flags);
        }
        // 4. the size in the name × bits
        if (hint != null) {
            long bytes = Math.round(hint.total() * q.bits() / 8);
            return new Hardware(classOf(bytes), bytes, true, "name", hint.total(), active, q.id(), q.bits(), flags);
        }
        return new Hardware("unknown", null, false, "none", null, null);
    }

    private static void flag(List<String> flags, Long params, SizeHint hint) {
        if (params == null || hint == null || params <= 0) return;
        double ratio = (double) params / hint.total();
        if (ratio > 4 || ratio < 0.25) flags.add(DISAGREES);
    }

    static boolean isGguf(ModelFacts f) {
        if ("gguf".equalsIgnoreCase(f.libraryName())) return true;
        for (String t : f.tags()) if ("gguf".equalsIgnoreCase(t)) return true;
        return GGUF_NAME.matcher(f.name()).find();
    }

    /** The quantisation a repo runs at, from its hub, name, tags and library; 16-bit when nothing says otherwise. */
    public static Quantisation quantisation(ModelFacts f, boolean gguf) {
        if (gguf || "ollama".equals(f.hub())) {
            Matcher m = GGUF_QUANT.matcher(f.name());
            while (m.find()) {
                Double bits = GGUF_BITS.get(m.group(1).toLowerCase(Locale.ROOT));
                if (bits != null) return new Quantisation(m.group(1).toLowerCase(Locale.ROOT), bits);
            }
            return Q4_K_M;
        }
        StringBuilder text = new StringBuilder(f.name());
        for (String t : f.tags()) text.append(' ').append(t);
        if (EIGHT_BIT.matcher(text).find()) return BITS_8;
        if (FOUR_BIT.matcher(text).find()) return BITS_4;
        return BITS_16;
    }

    private record FileChoice(long bytes, String quantisation) {}

    /**
     * From the crawl's file listing: a GGUF repo's Q4_K_M file (its shards summed), else the 4-bit file nearest
     * to Q4_K_M, else the smallest GGUF; any other repo's safetensors (or .bin) weights summed.
     */
    private FileChoice fromFiles(ModelFacts f, boolean gguf) {
        Map<String, Long> files = f.fileSizes();
        if (files.isEmpty()) return null;
        if (gguf) {
            Map<String, Long> byQuant = new java.util.TreeMap<>();
            for (Map.Entry<String, Long> e : files.entrySet()) {
                String name = e.getKey().toLowerCase(Locale.ROOT);
                if (!name.endsWith(".gguf") || name.contains("mmproj") || e.getValue() == null) continue;
                Matcher m = GGUF_QUANT.matcher(name.substring(name.lastIndexOf('/') + 1));
                String quant = null;
                while (m.find()) if (GGUF_BITS.containsKey(m.group(1))) quant = m.group(1);
                byQuant.merge(quant == null ? "?" : quant, e.getValue(), Long::sum);
            }
            if (byQuant.isEmpty()) return null;
            String best = null;
            double bestDistance = Double.MAX_VALUE;
            for (String quant : byQuant.keySet()) {
                Double bits = GGUF_BITS.get(quant);
                if (bits == null) continue;
                double d = Math.abs(bits - Q4_K_M.bits());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = quant;
                }
            }
            if (best == null) {
                long smallest = byQuant.values().stream()
                        .mapToLong(Long::longValue)
                        .min()
                        .orElse(0);
                return smallest > 0 ? new FileChoice(smallest, null) : null;
            }
            return new FileChoice(byQuant.get(best), best);
        }
        long sum = 0;
        for (Map.Entry<String, Long> e : files.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (e.getValue() != null
                    && (name.endsWith(".safetensors") || name.endsWith(".bin") && !name.contains("optimizer"))) {
                sum += e.getValue();
            }
        }
        // a checkpoint stored in F32 is run at 16 bits: halve it when the dtype counts say it is F32 only
        if (sum > 0
                && !f.safetensorsParameters().isEmpty()
                && f.safetensorsParameters().keySet().stream()
                        .allMatch(k -> WIDE_FLOATS.contains(k.toUpperCase(Locale.ROOT)))) {
            return new FileChoice(sum / 2, BITS_16.id());
        }
        return sum > 0 ? new FileChoice(sum, null) : null;
    }

    /** Class id for a weights size in bytes. */
    public String classOf(long bytes) {
        if (bytes <= edgeBytes) return "edge";
        if (bytes <= consumerBytes) return "consumer-gpu";
        if (bytes <= datacenterBytes) return "datacenter-gpu";
        if (bytes <= multiGpuBytes) return "multi-gpu";
        return "cluster";
    }

    /** The first size hint in a repo name (without namespace), or null. */
    public static SizeHint sizeHint(String name) {
        if (name == null) return null;
        Matcher m = SIZE_HINT.matcher(name);
        if (!m.find()) return null;
        long experts = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        long total = Math.round(Double.parseDouble(m.group(2)) * unit(m.group(3)) * experts);
        Long active = m.group(4) == null ? null : Math.round(Double.parseDouble(m.group(4)) * unit(m.group(5)));
        return total > 0 ? new SizeHint(total, active) : null;
    }

    private static double unit(String u) {
        return switch (Character.toUpperCase(u.charAt(0))) {
            case 'M' -> 1e6;
            case 'T' -> 1e12;
            default -> 1e9;
        };
    }
}
