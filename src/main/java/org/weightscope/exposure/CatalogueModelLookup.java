package org.weightscope.exposure;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/** Resolves inventory references against the stored catalogue (models index). */
@Component
class CatalogueModelLookup implements ModelLookup {

    private final ModelSearch search;

    CatalogueModelLookup(ModelSearch search) {
        this.search = search;
    }

    @Override
    public Optional<ResolvedModel> byId(String hub, String id) {
        return search.findIgnoreCase(hub, id).filter(m -> m.attribution() != null).map(CatalogueModelLookup::resolved);
    }

    @Override
    public List<ResolvedModel> search(String name, int max) {
        return search.byName(name, max).stream().filter(m -> m.attribution() != null)
                .map(CatalogueModelLookup::resolved).toList();
    }

    @Override
    public List<ResolvedModel> alternatives(String hardwareClass, List<String> sectors, String excludeOrigin, int max) {
        return search.alternatives(hardwareClass, sectors, excludeOrigin, max).stream()
                .filter(m -> m.attribution() != null).map(CatalogueModelLookup::resolved).toList();
    }

    private static ResolvedModel resolved(CatalogueModel m) {
        return ResolvedModel.of(m.hub(), m.repoId(), m.attribution(), m.downloads30d());
    }
}
