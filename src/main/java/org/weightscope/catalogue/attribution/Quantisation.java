package org.weightscope.catalogue.attribution;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.weightscope.catalogue.ModelFacts;

/** A quantisation and its average bits per weight (the documented table of the methodology). */
public record Quantisation(String id, double bits) {

    public static final Quantisation Q4_K_M = new Quantisation("q4_k_m", 4.85);
    public static final Quantisation BITS_4 = new Quantisation("4bit", 4);
    public static final Quantisation BITS_8 = new Quantisation("8bit", 8);
    public static final Quantisation BITS_16 = new Quantisation("16bit", 16);

    /** GGUF quantisation names and their average bits per weight (llama.cpp's figures, rounded). */
    static final Map<String, Double> GGUF_BITS = Map.ofEntries(
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

    static final Pattern GGUF_QUANT =
            Pattern.compile("(?i)(?<![a-z0-9])(i?q[2-8](?:_[0-9a-z]+){0,2}|bf16|f16)(?![a-z0-9])");
    private static final Pattern FOUR_BIT = Pattern.compile(
            "(?i)(?<![a-z0-9])(awq|gptq|bnb[-_]4bit|4[-_]?bit|int4|w4a16|nvfp4|mxfp4|nf4|fp4|gptq[-_]int4)(?![a-z0-9])");
    private static final Pattern EIGHT_BIT =
            Pattern.compile("(?i)(?<![a-z0-9])(fp8|int8|8[-_]?bit|w8a8|gptq[-_]int8|fp8[-_]dynamic)(?![a-z0-9])");
    private static final Pattern GGUF_NAME = Pattern.compile("(?i)(?<![a-z0-9])gguf(?![a-z0-9])");

    static boolean isGguf(ModelFacts f) {
        if ("gguf".equalsIgnoreCase(f.libraryName())) return true;
        for (String t : f.tags()) if ("gguf".equalsIgnoreCase(t)) return true;
        return GGUF_NAME.matcher(f.name()).find();
    }

    /** The quantisation a repo runs at, from its hub, name, tags and library; 16-bit when nothing says otherwise. */
    public static Quantisation of(ModelFacts f, boolean gguf) {
        if (gguf || "ollama".equals(f.hub())) {
            Matcher m = GGUF_QUANT.matcher(f.name());
            while (m.find()) {
                Double bits = GGUF_BITS.get(m.group(1).toLowerCase(Locale.ROOT));
                if (bits != null) return new Quantisation(m.group(1).toLowerCase(Locale.ROOT), bits);
            }
            return Q4_K_M;
        }
        StringBuilder b = new StringBuilder(f.name());
        for (String t : f.tags()) b.append(' ').append(t);
        String text = b.toString().toLowerCase(Locale.ROOT);
        // every 8-bit marker has an '8'; every 4-bit one a '4', or is awq or gptq: most names and tag lists have
        // neither, and skip the scans (attributing a model runs this for each one on each crawl)
        if (text.indexOf('8') >= 0 && EIGHT_BIT.matcher(text).find()) return BITS_8;
        if ((text.indexOf('4') >= 0 || text.contains("awq") || text.contains("gptq"))
                && FOUR_BIT.matcher(text).find()) return BITS_4;
        return BITS_16;
    }
}
