package org.weightscope.catalogue;

import java.util.List;
import java.util.Map;

/**
 * One entry of the organisation registry ({@code crawlers/registry/organizations.yaml}).
 *
 * @param countries  ISO 3166-1 alpha-2 codes, upper-case
 * @param type       big-tech, startup, academic, state-lab, non-profit, community
 * @param role       developer (trains and releases its own models), maintainer (maintains others' work, e.g. a
 *                   library's model collection: its models credit their lineage) or redistributor (quantises,
 *                   converts, mirrors). A maintainer or redistributor is never a lineage root's country.
 * @param parent     registry id of the parent org, or null
 * @param namespaces hub → namespaces owned on that hub
 * @param evidence   country → URL backing that country
 * @param epochName  name of the org in Epoch AI's data, or null
 * @param domains    the organisation's own web domains (e.g. qwen.ai): evidence on them counts as its own site
 * @param roleEvidence URL backing a maintainer's or redistributor's role (whose work it holds), or null
 */
public record Organization(
        String id,
        String name,
        List<String> countries,
        String type,
        String role,
        String parent,
        Map<String, List<String>> namespaces,
        Map<String, String> evidence,
        String epochName,
        List<String> domains,
        String roleEvidence) {

    public Organization {
        countries = countries == null ? List.of() : List.copyOf(countries);
        namespaces = namespaces == null ? Map.of() : Map.copyOf(namespaces);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public boolean isRedistributor() {
        return "redistributor".equals(role);
    }

    public boolean isMaintainer() {
        return "maintainer".equals(role);
    }

    /** Whether the models it holds credit someone else's work (maintainer or redistributor). */
    public boolean holdsOthersWork() {
        return isRedistributor() || isMaintainer();
    }
}
