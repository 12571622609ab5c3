package org.weightscope.source;

/** A crawl source made from its definition ({@code crawlers/<id>.yaml}), which it reads its endpoints from. */
public abstract class DefinedSource implements CrawlSource {

    protected final SourceDefinition definition;

    protected DefinedSource(SourceDefinition definition) {
        this.definition = definition;
    }

    @Override
    public final SourceDefinition definition() {
        return definition;
    }
}
