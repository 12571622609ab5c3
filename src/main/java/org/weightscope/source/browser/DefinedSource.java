package org.weightscope.source.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.weightscope.source.CrawlSource;

/**
 * A crawl source bound to one definition file {@code <dir>/<id>.yaml}, read lazily (so a folder holding only
 * some sources still starts), with fixed scopes that all share the file's schedule.
 */
public abstract class DefinedSource implements CrawlSource {

    private final String id;
    private final Path file;
    private final Set<String> scopes;
    private SourceDefinition definition;

    protected DefinedSource(String id, Path file, Set<String> scopes) {
        this.id = id;
        this.file = file;
        this.scopes = Set.copyOf(scopes);
    }

    @Override
    public String id() {
        return id;
    }

    /** None when the definition file is absent (a test's folder holding only some sources). */
    @Override
    public Set<String> scopes() {
        return Files.isRegularFile(file) ? scopes : Set.of();
    }

    @Override
    public String schedule(String scope) {
        return definition().schedule();
    }

    protected synchronized SourceDefinition definition() {
        if (definition == null) {
            definition = SourceDefinition.load(file);
        }
        return definition;
    }
}
