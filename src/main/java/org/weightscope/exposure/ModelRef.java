package org.weightscope.exposure;

import java.util.Locale;

/**
 * What an inventory row points at, before resolution.
 *
 * @param hub      huggingface, openrouter, ollama or modelscope; null when the reference names no hub (a bare
 *                 model name), which the resolver then searches by name across hubs
 * @param id       repo id on that hub as written (case kept; HF ids compare case-insensitively)
 * @param revision pinned revision (the commit of a purl's version), or null; kept for the report, not for matching
 */
public record ModelRef(String hub, String id, String revision) {

    public static final String HUGGINGFACE = "huggingface";
    public static final String OPENROUTER = "openrouter";
    public static final String OLLAMA = "ollama";
    public static final String MODELSCOPE = "modelscope";

    public ModelRef {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("model id is required");
        hub = hub == null ? null : hub.toLowerCase(Locale.ROOT);
        revision = revision == null || revision.isBlank() ? null : revision;
    }

    public ModelRef(String hub, String id) {
        this(hub, id, null);
    }

    /**
     * The repo name without namespace and, for Ollama, without the ":tag" (gemma3:4b → gemma3): what a name
     * search matches on.
     */
    public String name() {
        String n = id.substring(id.lastIndexOf('/') + 1);
        if (OLLAMA.equals(hub) || hub == null) {
            int colon = n.indexOf(':');
            if (colon > 0) n = n.substring(0, colon);
        }
        return n;
    }

    /** Identity for merging duplicate rows: hub + id, case-insensitive (HF ids are), revision ignored. */
    String key() {
        return (hub == null ? "*" : hub) + '\u0000' + id.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return (hub == null ? "" : hub + ":") + id + (revision == null ? "" : "@" + revision);
    }
}
