package org.weightscope.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other modules read and write of the model catalogue. */
@Service
public class CatalogueService {

    private final ModelsIndex models;

    CatalogueService(ModelsIndex models) {
        this.models = models;
    }

    public void save(List<CatalogueModel> batch) {
        models.saveAll(batch);
    }

    public long modelCount() {
        return models.count();
    }

    public List<CatalogueModel> topModels(int size) {
        return models.topByDownloads(size);
    }

    /** Sum of each organisation's models' latest 30-day downloads, largest first. */
    public List<Share> downloadsByAuthor(int size) {
        return models.downloadsByAuthor(size);
    }

    /** The span of capture times the catalogue's figures come from. */
    public Optional<AsOfRange> asOfRange() {
        Instant[] range = models.asOfRange();
        return range == null ? Optional.empty() : Optional.of(new AsOfRange(range[0], range[1]));
    }

    public record AsOfRange(Instant from, Instant to) {}
}
