package org.weightscope.source.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt that apply to our agent (RFC 9309, the parts a crawler of a handful of
 * pages needs): the group naming our product token wins over {@code User-agent: *}; within a group the
 * longest matching rule decides and Allow wins a tie; {@code *} and a trailing {@code $} are honoured.
 */
public record RobotsTxt(List<Rule> rules) {

    /** Nothing disallowed: what a missing robots.txt (404) means. */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());

    /** @param allow true for Allow, false for Disallow; pattern is the path prefix as written */
    public record Rule(boolean allow, String pattern) {
        boolean matches(String path) {
            if (!pattern.contains("*") && !pattern.endsWith("$")) return path.startsWith(pattern);
            StringBuilder re = new StringBuilder();
            boolean anchored = pattern.endsWith("$");
            String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
            for (String part : p.split("\\*", -1)) {
                if (!re.isEmpty()) re.append(".*");
                re.append(Pattern.quote(part));
            }
            if (!anchored) re.append(".*");
            return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(path).matches();
        }
    }

    public RobotsTxt {
        rules = List.copyOf(rules);
    }

    /**
     * @param agentToken our product token, e.g. "Weightscope" (matched case-insensitively)
     */
    public static RobotsTxt parse(String text, String agentToken) {
        String token = agentToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean ourGroupSeen = false;
        // A group is a run of User-agent lines followed by rules; a User-agent line after a rule starts a new group.
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\\r?\\n|\\r")) {
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (inRules) {
                        agents.clear();
                        inRules = false;
                    }
                    agents.add(value.toLowerCase(Locale.ROOT));
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    if (value.isEmpty()) continue; // "Disallow:" with no path allows everything
                    Rule rule = new Rule(key.equals("allow"), value);
                    boolean forUs = agents.contains(token);
                    if (forUs) {
                        ourGroupSeen = true;
                        ours.add(rule);
                    }
                    if (agents.contains("*")) star.add(rule);
                }
                default -> { /* sitemap, crawl-delay, unknown: not rules about paths */ }
            }
        }
        // Only a group naming us replaces the * group (RFC 9309 2.2.1); otherwise everyone's rules apply.
        return new RobotsTxt(ourGroupSeen ? ours : star);
    }

    /** Whether {@code pathAndQuery} (starting with '/') may be fetched. */
    public boolean allows(String pathAndQuery) {
        return decidingRule(pathAndQuery) == null || decidingRule(pathAndQuery).allow();
    }

    /** The rule that decides for this path, or null when none matches (allowed). */
    public Rule decidingRule(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule r : rules) {
            if (!r.matches(path)) continue;
            if (best == null || r.pattern().length() > best.pattern().length()
                    || r.pattern().length() == best.pattern().length() && r.allow() && !best.allow()) {
                best = r;
            }
        }
        return best;
    }
}
