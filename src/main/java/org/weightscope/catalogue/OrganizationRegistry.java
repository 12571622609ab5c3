package org.weightscope.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.weightscope.shared.Json;

/**
 * Read API over the organisation registry: which org (and so which countries) owns a hub namespace.
 *
 * <p>{@link #load(Path)} reads and validates; {@link #read(Path)} only reads, so a linter can report
 * every problem via {@link #validate()} instead of failing on the first.
 */
public final class OrganizationRegistry {

    public static final Set<String> TYPES =
            Set.of("big-tech", "startup", "academic", "state-lab", "non-profit", "community");
    public static final Set<String> ROLES = Set.of("developer", "maintainer", "redistributor");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final ObjectMapper YAML = Json.yaml();

    private final String source;
    private final List<Organization> organizations;
    private final List<String> parseErrors;
    private final Map<String, Organization> byId = new HashMap<>();
    /** hub → namespace → org, exact spelling. */
    private final Map<String, Map<String, Organization>> exact = new HashMap<>();
    /** hub → lower-case namespace → org; HF namespaces are case-insensitive for lookup. */
    private final Map<String, Map<String, Organization>> folded = new HashMap<>();

    private OrganizationRegistry(String source, List<Organization> organizations, List<String> parseErrors) {
        this.source = source;
        this.organizations = List.copyOf(organizations);
        this.parseErrors = List.copyOf(parseErrors);
        for (Organization o : organizations) {
            byId.putIfAbsent(o.id(), o);
            o.namespaces().forEach((hub, list) -> {
                String h = hub.toLowerCase(Locale.ROOT);
                for (String ns : list) {
                    exact.computeIfAbsent(h, k -> new HashMap<>()).putIfAbsent(ns, o);
                    folded.computeIfAbsent(h, k -> new HashMap<>()).putIfAbsent(ns.toLowerCase(Locale.ROOT), o);
                }
            });
        }
    }

    /** A registry from already-built entries (tests, or a registry assembled elsewhere). Not validated. */
    public static OrganizationRegistry of(List<Organization> organizations) {
        return new OrganizationRegistry("<memory>", organizations, List.of());
    }

    /** Reads and validates; throws {@link RegistryException} listing every problem. */
    public static OrganizationRegistry load(Path yaml) {
        OrganizationRegistry r = read(yaml);
        List<String> errors = r.validate();
        if (!errors.isEmpty()) throw new RegistryException(yaml.toString(), errors);
        return r;
    }

    /** Reads without validating (malformed YAML still throws). */
    public static OrganizationRegistry read(Path yaml) {
        try (InputStream in = Files.newInputStream(yaml)) {
            return read(yaml.toString(), in);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + yaml + ": " + e.getMessage(), e);
        }
    }

    /** Reads without validating from a stream (e.g. a classpath resource). */
    public static OrganizationRegistry read(String source, InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new RegistryException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        List<Organization> orgs = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add("top level: expected a mapping with 'version' and 'organizations'");
            return new OrganizationRegistry(source, orgs, errors);
        }
        if (root.path("version").asInt(-1) != 1) errors.add("version: expected 1, got " + root.path("version"));
        JsonNode list = root.path("organizations");
        if (!list.isArray()) {
            errors.add("organizations: expected a list");
            return new OrganizationRegistry(source, orgs, errors);
        }
        int i = 0;
        for (JsonNode n : list) {
            orgs.add(toOrganization(n, label(i, n), errors));
            i++;
        }
        return new OrganizationRegistry(source, orgs, errors);
    }

    private static String label(int index, JsonNode n) {
        String id = n.path("id").asText("");
        return "organizations[" + index + "]" + (id.isEmpty() ? "" : " (" + id + ")");
    }

    private static Organization toOrganization(JsonNode n, String label, List<String> errors) {
        List<String> countries = new ArrayList<>();
        JsonNode c = n.path("countries");
        if (c.isArray()) c.forEach(x -> countries.add(x.asText()));
        else if (c.isTextual()) countries.add(c.asText());
        else if (!c.isMissingNode()) errors.add(label + ": countries: expected a list");
        Map<String, List<String>> namespaces = new LinkedHashMap<>();
        JsonNode ns = n.path("namespaces");
        if (ns.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ns.fields(); it.hasNext(); ) {
                var e = it.next();
                List<String> names = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(x -> names.add(x.asText()));
                else if (e.getValue().isTextual()) names.add(e.getValue().asText());
                else errors.add(label + ": namespaces." + e.getKey() + ": expected a list of names");
                namespaces.put(e.getKey(), names);
            }
        } else if (!ns.isMissingNode()) errors.add(label + ": namespaces: expected a mapping hub -> [names]");
        Map<String, String> evidence = new LinkedHashMap<>();
        JsonNode ev = n.path("evidence");
        if (ev.isObject())
            ev.fields()
                    .forEachRemaining(e -> evidence.put(e.getKey(), e.getValue().asText()));
        else if (!ev.isMissingNode()) errors.add(label + ": evidence: expected a mapping country -> URL");
        List<String> domains = new ArrayList<>();
        JsonNode d = n.path("domains");
        if (d.isArray()) d.forEach(x -> domains.add(x.asText().toLowerCase(Locale.ROOT)));
        else if (d.isTextual()) domains.add(d.asText().toLowerCase(Locale.ROOT));
        return new Organization(
                text(n, "id"),
                text(n, "name"),
                countries,
                text(n, "type"),
                text(n, "role"),
                text(n, "parent"),
                namespaces,
                evidence,
                text(n, "epoch_name"),
                domains,
                text(n, "role_evidence"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Every problem found, each naming the entry and field; empty if the registry is usable. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>(parseErrors);
        Set<String> ids = new HashSet<>();
        Map<String, String> nsOwner = new HashMap<>();
        for (int i = 0; i < organizations.size(); i++) {
            Organization o = organizations.get(i);
            String label = "organizations[" + i + "]" + (o.id() == null ? "" : " (" + o.id() + ")");
            if (o.id() == null || o.id().isBlank()) errors.add(label + ": id: missing");
            else if (!ids.add(o.id())) errors.add(label + ": id: duplicate id '" + o.id() + "'");
            if (o.name() == null || o.name().isBlank()) errors.add(label + ": name: missing");
            // an entry without a country is allowed: it types the namespace (e.g. a redistributor whose base is not
            // publicly stated), and its models stay unattributed
            for (String cc : o.countries()) {
                if (!ISO_COUNTRIES.contains(cc)) {
                    errors.add(label + ": countries: '" + cc + "' is not an ISO 3166-1 alpha-2 code");
                }
                String url = o.evidence().get(cc);
                if (url == null || url.isBlank()) errors.add(label + ": evidence: no evidence URL for country " + cc);
                else if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    errors.add(label + ": evidence." + cc + ": not a URL: '" + url + "'");
                }
            }
            if (o.type() == null || !TYPES.contains(o.type())) {
                errors.add(label + ": type: '" + o.type() + "' is not one of " + new TreeSet<>(TYPES));
            }
            if (o.role() == null || !ROLES.contains(o.role())) {
                errors.add(label + ": role: '" + o.role() + "' is not one of " + new TreeSet<>(ROLES));
            }
            if (o.roleEvidence() != null
                    && !o.roleEvidence().startsWith("https://")
                    && !o.roleEvidence().startsWith("http://")) {
                errors.add(label + ": role_evidence: not a URL: '" + o.roleEvidence() + "'");
            }
            for (String cc : o.evidence().keySet()) {
                if (!o.countries().contains(cc))
                    errors.add(label + ": evidence." + cc + ": not one of the entry's countries");
            }
            o.namespaces().forEach((hub, list) -> {
                for (String ns : list) {
                    String key = hub.toLowerCase(Locale.ROOT) + '/' + ns.toLowerCase(Locale.ROOT);
                    String prev = nsOwner.putIfAbsent(key, String.valueOf(o.id()));
                    if (prev != null) {
                        errors.add(
                                label + ": namespaces." + hub + ": '" + ns + "' is already mapped to '" + prev + "'");
                    }
                }
            });
        }
        for (int i = 0; i < organizations.size(); i++) {
            Organization o = organizations.get(i);
            if (o.parent() != null && !ids.contains(o.parent())) {
                errors.add("organizations[" + i + "] (" + o.id() + "): parent: '" + o.parent() + "' not found");
            }
        }
        return errors;
    }

    /** The org owning {@code namespace} on {@code hub}: exact match first, then case-insensitive. */
    public Optional<Organization> byNamespace(String hub, String namespace) {
        if (hub == null || namespace == null) return Optional.empty();
        String h = hub.toLowerCase(Locale.ROOT);
        Map<String, Organization> m = exact.get(h);
        Organization o = m == null ? null : m.get(namespace);
        if (o == null) {
            Map<String, Organization> f = folded.get(h);
            o = f == null ? null : f.get(namespace.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(o);
    }

    public Optional<Organization> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<Organization> all() {
        return organizations;
    }

    /** Where this registry was read from (file path or "&lt;memory&gt;"). */
    public String source() {
        return source;
    }
}
