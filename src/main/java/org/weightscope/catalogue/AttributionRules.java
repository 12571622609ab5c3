package org.weightscope.catalogue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The attribution rules in force: read from {@code crawlers/registry} at start-up and again on
 * {@link #reload()}, so a registry edit can be re-applied to the stored catalogue without a restart or a
 * crawl. A file that fails validation is refused and the rules in force stay.
 */
@Component
public class AttributionRules {

    private static final Logger log = LoggerFactory.getLogger(AttributionRules.class);

    private final AttributionSettings settings;
    private volatile Attributor current;
    private volatile String version;

    AttributionRules(AttributionSettings settings) {
        this.settings = settings;
        this.current = Attributor.load(settings);
        this.version = fingerprint();
    }

    public Attributor current() {
        return current;
    }

    /**
     * The rule version cited with every figure: the code's rule version plus a fingerprint of the rule
     * files, so a registry edit shows up as a new version (e.g. {@code attribution-2/rules-3fa2c1d0}).
     */
    public String version() {
        return version;
    }

    private String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String file : java.util.List.of(
                    Attributor.ORGANIZATIONS_FILE, Attributor.LICENCES_FILE, Attributor.SECTORS_FILE)) {
                java.nio.file.Path path = settings.registryDir().resolve(file);
                if (java.nio.file.Files.exists(path)) {
                    sha.update(java.nio.file.Files.readAllBytes(path));
                }
            }
            sha.update(("hong-kong=" + settings.hongKong()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Attributor.RULE_VERSION + "/rules-"
                    + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return Attributor.RULE_VERSION;
        }
    }

    /** Reads the rule files again; throws {@link RegistryException} (rules unchanged) if they are invalid. */
    public Attributor reload() {
        Attributor next = Attributor.load(settings);
        current = next;
        version = fingerprint();
        log.info(
                "Attribution rules reloaded from {} ({} organisations)",
                settings.registryDir(),
                next.registry().all().size());
        return next;
    }
}
