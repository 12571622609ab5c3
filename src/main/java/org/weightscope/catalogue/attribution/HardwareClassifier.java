package org.weightscope.catalogue.attribution;

import org.weightscope.catalogue.Attribution.Hardware;
import org.weightscope.catalogue.HardwareThresholds;
import org.weightscope.catalogue.ModelFacts;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weights memory and hardware class. GB = 10^9 bytes throughout.
 * Evidence order: safetensors dtype counts, GGUF file bytes, parameter count × 2, size hint in the name.
 */
public final class HardwareClassifier {

    /**
     * Bytes per parameter, in half-bytes so 4-bit types stay integral. Unknown dtypes count as BF16 and mark
     * the result estimated.
     */
    private static final Map<String, Integer> HALF_BYTES = Map.ofEntries(
            Map.entry("F64", 16), Map.entry("I64", 16), Map.entry("U64", 16),
            Map.entry("F32", 8), Map.entry("I32", 8), Map.entry("U32", 8),
            Map.entry("BF16", 4), Map.entry("F16", 4), Map.entry("I16", 4), Map.entry("U16", 4),
            Map.entry("F8_E4M3", 2), Map.entry("F8_E5M2", 2), Map.entry("F8_E8M0", 2), Map.entry("I8", 2),
            Map.entry("U8", 2), Map.entry("BOOL", 2),
            Map.entry("I4", 1), Map.entry("U4", 1), Map.entry("MXFP4", 1), Map.entry("F4", 1), Map.entry("NVFP4", 1));
    private static final int DEFAULT_HALF_BYTES = 4;

    /**
     * Size hint in a repo name: "7B", "0.5B", "1.5b", "500M", "1T", "8x7B", "30B-A3B". The number must not follow
     * a letter, digit or dot, so "Qwen2.5" or "v1" never read as sizes.
     */
    private static final Pattern SIZE_HINT = Pattern.compile(
            "(?<![A-Za-z0-9.])(?:(\\d{1,3})x)?(\\d+(?:\\.\\d+)?)([BMTbmt])(?![A-Za-z0-9])"
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
        SizeHint hint = sizeHint(f.name());
        Long active = hint == null ? null : hint.active();
        if (!f.safetensorsParameters().isEmpty()) {
            long halfBytes = 0;
            long params = 0;
            boolean estimated = false;
            for (Map.Entry<String, Long> e : f.safetensorsParameters().entrySet()) {
                long n = e.getValue() == null ? 0 : e.getValue();
                Integer hb = HALF_BYTES.get(e.getKey().toUpperCase(Locale.ROOT));
                if (hb == null) {
                    hb = DEFAULT_HALF_BYTES;
                    estimated = true;
                }
                halfBytes += n * hb;
                params += n;
            }
            long bytes = (halfBytes + 1) / 2;
            Long total = f.totalParameters() != null ? f.totalParameters() : Long.valueOf(params);
            return new Hardware(classOf(bytes), bytes, estimated, "safetensors", total, active);
        }
        Long total = f.totalParameters() != null ? f.totalParameters() : hint == null ? null : Long.valueOf(hint.total());
        if (f.ggufFileBytes() != null && f.ggufFileBytes() > 0) {
            // A GGUF repo is sized by what you download (already quantised), not by its base model.
            return new Hardware(classOf(f.ggufFileBytes()), f.ggufFileBytes(), false, "gguf", total, active);
        }
        if (f.totalParameters() != null && f.totalParameters() > 0) {
            long bytes = f.totalParameters() * 2;
            return new Hardware(classOf(bytes), bytes, true, "parameters", f.totalParameters(), active);
        }
        if (hint != null) {
            long bytes = hint.total() * 2;
            return new Hardware(classOf(bytes), bytes, true, "name", hint.total(), active);
        }
        return new Hardware("unknown", null, false, "none", null, null);
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
