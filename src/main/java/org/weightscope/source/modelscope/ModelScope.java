package org.weightscope.source.modelscope;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.weightscope.catalogue.Organization;
import org.weightscope.catalogue.OrganizationRegistry;
import org.weightscope.source.browser.PoliteHttpClient;
import org.weightscope.source.browser.SourceDefinition;

/** ModelScope (modelscope.cn): the full model listing, and the rule linking its repos to Hugging Face's. */
public final class ModelScope {

    public static final String HUB = "modelscope";

    private final ModelScopeClient client;

    public ModelScope(SourceDefinition source) {
        this(new PoliteHttpClient(source));
    }

    public ModelScope(PoliteHttpClient http) {
        this.client = new ModelScopeClient(http);
    }

    /** Every model of the listing, page by page until a page is empty. */
    public List<ScopeModel> listAll() {
        return client.listAll();
    }

    /** One listing body as ModelScope returns it (used for recordings). */
    public static List<ScopeModel> parse(String json) {
        return ListingParser.parse(json, "modelscope listing").models();
    }

    /**
     * Whether a Hugging Face repo and a ModelScope repo are the same model: the same name (case-insensitive)
     * published by the same organisation — either the two namespaces map to one registry organisation, or
     * they are literally the same namespace (case-insensitive). Same name under different owners is not
     * enough: re-uploads of "Qwen-Image" by individuals are common on both hubs.
     *
     * @param hfRepoId        "Qwen/Qwen2.5-7B-Instruct"
     * @param modelscopePath  "Qwen/Qwen2.5-7B-Instruct" (owner Path + "/" + Name)
     */
    public static boolean sameModel(String hfRepoId, String modelscopePath, OrganizationRegistry registry) {
        String[] hf = split(hfRepoId);
        String[] ms = split(modelscopePath);
        if (hf == null || ms == null) return false;
        if (!hf[1].toLowerCase(Locale.ROOT).equals(ms[1].toLowerCase(Locale.ROOT))) return false;
        if (hf[0].equalsIgnoreCase(ms[0])) return true;
        Optional<String> hfOrg = registry.byNamespace("huggingface", hf[0]).map(Organization::id);
        Optional<String> msOrg = registry.byNamespace(HUB, ms[0]).map(Organization::id);
        return hfOrg.isPresent() && hfOrg.equals(msOrg);
    }

    private static String[] split(String id) {
        if (id == null) return null;
        String s = id.strip();
        int at = s.indexOf('@'); // ModelScope revision suffix ("@v1") is not part of the name
        if (at > 0) s = s.substring(0, at);
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1 || s.indexOf('/', slash + 1) >= 0) return null;
        return new String[] {s.substring(0, slash), s.substring(slash + 1)};
    }
}
