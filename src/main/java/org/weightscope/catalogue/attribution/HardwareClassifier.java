package org.weightscope.catalogue.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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
    private static final Map<String, Integer> HALF_BYTES = byWidth(Map.of(
            16, List.of("I64", "U64"),
            8, List.of("I32", "U32"),
            4, List.of("F64", "F32", "BF16", "F16", "I16", "U16"),
            2, List.of("F8_E4M3", "F8_E5M2", "F8_E8M0", "I8", "U8", "BOOL"),
            1, List.of("I4", "U4", "MXFP4", "F4", "NVFP4")));

    private static Map<String, Integer> byWidth(Map<Integer, List<String>> dtypesByHalfBytes) {
        Map<String, Integer> out = new java.util.HashMap<>();
        dtypesByHalfBytes.forEach((halfBytes, dtypes) -> dtypes.forEach(d -> out.put(d, halfBytes)));
        return Map.copyOf(out);
    }

    private static final int DEFAULT_HALF_BYTES = 4;
    private static final java.util.Set<String> WIDE_FLOATS = java.util.Set.of("F32", "F64");

    static final String DISAGREES = "parameters-disagree-with-name";

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

    public Hardware classify(ModelFacts f) {
        return classify(f, List.of());
    }

    /** @param ancestors the model's ancestors in the catalogue, nearest first (their parameter count stands in) */
    public Hardware classify(ModelFacts f, List<ModelFacts> ancestors) {
        SizeHint hint = sizeHint(f.name());
        Long active = hint == null ? null : hint.active();
        boolean gguf = Quantisation.isGguf(f);
        Quantisation q = Quantisation.of(f, gguf);
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
                    wide ? Quantisation.BITS_16.id() : null,
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
        return Hardware.UNKNOWN;
    }

    private static void flag(List<String> flags, Long params, SizeHint hint) {
        if (params == null || hint == null || params <= 0) return;
        double ratio = (double) params / hint.total();
        if (ratio > 4 || ratio < 0.25) flags.add(DISAGREES);
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
                Matcher m = Quantisation.GGUF_QUANT.matcher(name.substring(name.lastIndexOf('/') + 1));
                String quant = null;
                while (m.find()) if (Quantisation.GGUF_BITS.containsKey(m.group(1))) quant = m.group(1);
                byQuant.merge(quant == null ? "?" : quant, e.getValue(), Long::sum);
            }
            if (byQuant.isEmpty()) return null;
            String best = null;
            double bestDistance = Double.MAX_VALUE;
            for (String quant : byQuant.keySet()) {
                Double bits = Quantisation.GGUF_BITS.get(quant);
                if (bits == null) continue;
                double d = Math.abs(bits - Quantisation.Q4_K_M.bits());
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
            return new FileChoice(sum / 2, Quantisation.BITS_16.id());
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
        return SizeHint.in(name);
    }
}
