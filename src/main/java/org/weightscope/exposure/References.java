package org.weightscope.exposure;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the many ways people write a model reference into a {@link ModelRef}. Each rule is anchored and
 * character-restricted, so an unexpected value becomes a row error instead of a guessed model.
 */
final class References {

    /** HF, ModelScope and OpenRouter ids: namespace/name with the characters those hubs allow. */
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Ollama: [user/]name[:tag]. */
    private static final Pattern OLLAMA_ID =
            Pattern.compile("([a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*(:[A-Za-z0-9._-]+)?");
    /** Ollama name:tag with no namespace, e.g. gemma3:4b: only Ollama writes references this way. */
    private static final Pattern OLLAMA_TAGGED = Pattern.compile("[a-z0-9][a-z0-9._-]*:[A-Za-z0-9._-]+");

    private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_LENGTH = 300;

    private References() {}

    /** @throws IllegalArgumentException with a user-readable reason */
    static ModelRef parse(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("empty model reference");
        String s = raw.strip();
        if (s.length() > MAX_LENGTH)
            throw new IllegalArgumentException("model reference longer than " + MAX_LENGTH + " characters");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pkg:")) return purl(s);
        if (lower.startsWith("http://") || lower.startsWith("https://")) return url(s);
        int colon = s.indexOf(':');
        if (colon > 0) {
            String prefix = lower.substring(0, colon);
            String rest = s.substring(colon + 1).strip();
            switch (prefix) {
                case "hf", "huggingface" -> {
                    return repo(ModelRef.HUGGINGFACE, rest, raw);
                }
                case "openrouter" -> {
                    return repo(ModelRef.OPENROUTER, rest, raw);
                }
                case "modelscope", "ms" -> {
                    return repo(ModelRef.MODELSCOPE, rest, raw);
                }
                case "ollama" -> {
                    return ollama(rest, raw);
                }
                default -> {
                    /* not a hub prefix: maybe an Ollama name:tag */
                }
            }
            if (OLLAMA_TAGGED.matcher(s).matches()) return new ModelRef(ModelRef.OLLAMA, s);
            if (OLLAMA_ID.matcher(s).matches()) return new ModelRef(ModelRef.OLLAMA, s);
            throw new IllegalArgumentException("unrecognised model reference '" + excerpt(raw) + "'");
        }
        if (REPO_ID.matcher(s).matches()) return new ModelRef(ModelRef.HUGGINGFACE, s);
        // A bare name (no hub, no namespace): searched by name; several matches are reported as ambiguous.
        if (BARE_NAME.matcher(s).matches()) return new ModelRef(null, s);
        throw new IllegalArgumentException("unrecognised model reference '" + excerpt(raw) + "'");
    }

    private static ModelRef repo(String hub, String id, String raw) {
        if (!REPO_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "'" + excerpt(raw) + "': expected <organisation>/<model> after the hub prefix");
        }
        return new ModelRef(hub, id);
    }

    private static ModelRef ollama(String id, String raw) {
        if (!OLLAMA_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + excerpt(raw) + "': expected an Ollama name such as gemma3:4b");
        }
        return new ModelRef(ModelRef.OLLAMA, id);
    }

    /** Hub web addresses: huggingface.co/org/name[/tree/…], openrouter.ai/org/name, modelscope.cn/models/org/name, ollama.com/library/name. */
    private static ModelRef url(String raw) {
        String s = raw;
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) s = s.substring(0, cut);
        String rest = s.replaceFirst("(?i)^https?://", "");
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash))
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^www\\.", "");
        String[] p = slash < 0 ? new String[0] : rest.substring(slash + 1).split("/");
        switch (host) {
            case "huggingface.co", "hf.co" -> {
                int i = p.length > 0 && p[0].equals("models") ? 1 : 0;
                if (p.length >= i + 2) return repo(ModelRef.HUGGINGFACE, p[i] + "/" + p[i + 1], raw);
            }
            case "openrouter.ai" -> {
                int i = p.length > 0 && p[0].equals("models") ? 1 : 0;
                if (p.length >= i + 2) return repo(ModelRef.OPENROUTER, p[i] + "/" + p[i + 1], raw);
            }
            case "modelscope.cn", "modelscope.ai" -> {
                if (p.length >= 3 && p[0].equals("models")) return repo(ModelRef.MODELSCOPE, p[1] + "/" + p[2], raw);
            }
            case "ollama.com", "ollama.ai" -> {
                if (p.length >= 2 && p[0].equals("library")) return ollama(p[1], raw);
                if (p.length >= 2) return ollama(p[0] + "/" + p[1], raw);
            }
            default ->
                throw new IllegalArgumentException(
                        "'" + excerpt(raw) + "': not a Hugging Face, OpenRouter, ModelScope or Ollama address");
        }
        throw new IllegalArgumentException("'" + excerpt(raw) + "': the address does not name a model");
    }

    /**
     * Package URL. Only {@code pkg:huggingface/<namespace>/<name>@<commit>} names a model; segments are
     * percent-decoded (a namespace may arrive as one {@code Org%2FName} segment).
     */
    static ModelRef purl(String raw) {
        String s = raw.strip();
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) s = s.substring(0, cut);
        s = s.substring("pkg:".length());
        while (s.startsWith("/")) s = s.substring(1);
        int slash = s.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + excerpt(raw) + "': package URL without a name");
        String type = s.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!type.equals("huggingface")) {
            throw new IllegalArgumentException(
                    "'" + excerpt(raw) + "': package type '" + type + "' does not name a Hugging Face model");
        }
        String path = s.substring(slash + 1);
        String version = null;
        int at = path.lastIndexOf('@');
        if (at >= 0) {
            version = decode(path.substring(at + 1));
            path = path.substring(0, at);
        }
        StringBuilder id = new StringBuilder();
        for (String seg : path.split("/")) {
            if (seg.isEmpty()) continue;
            if (!id.isEmpty()) id.append('/');
            id.append(decode(seg));
        }
        if (!REPO_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "'" + excerpt(raw) + "': expected pkg:huggingface/<namespace>/<name>@<commit>");
        }
        return new ModelRef(ModelRef.HUGGINGFACE, id.toString(), version);
    }

    private static String decode(String seg) {
        try {
            // URLDecoder would turn '+' into a space; in a purl '+' is literal.
            return URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad percent-encoding in '" + excerpt(seg) + "'");
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a), j = s.indexOf(b);
        if (i < 0) return j;
        return j < 0 ? i : Math.min(i, j);
    }

    /** Short, printable excerpt for messages: uploaded text is echoed back, never in full. */
    static String excerpt(String s) {
        if (s == null) return "";
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
    }
}
