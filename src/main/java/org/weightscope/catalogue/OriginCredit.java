package org.weightscope.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's metric credited to one country in one origin view. Stored as a nested list so shares by
 * origin are plain sums in Elasticsearch (no scripts: the embedded distribution has no painless). A
 * model with several countries (a joint organisation, or a merge of several roots) splits its credit.
 *
 * @param view       {@code uploader} or {@code lineage}
 * @param country    ISO 3166-1 alpha-2, or {@code unattributed}
 * @param share      the fraction of the model credited to that country (the shares of one view sum to 1)
 * @param downloads30d the model's 30-day downloads × share
 */
public record OriginCredit(String view, String country, double share, double downloads30d) {

    public static final String UPLOADER = "uploader";
    public static final String LINEAGE = "lineage";

    public static List<OriginCredit> of(Attribution attribution, Long downloads30d) {
        double downloads = downloads30d == null ? 0 : downloads30d;
        List<OriginCredit> credits = new ArrayList<>();
        List<String> uploader = attribution.uploaderOrigin().isEmpty()
                ? List.of(Attribution.UNATTRIBUTED)
                : attribution.uploaderOrigin();
        for (String country : uploader) {
            double share = 1.0 / uploader.size();
            credits.add(new OriginCredit(UPLOADER, country, share, downloads * share));
        }
        if (attribution.lineageOrigin().isEmpty()) {
            credits.add(new OriginCredit(LINEAGE, Attribution.UNATTRIBUTED, 1.0, downloads));
        }
        for (Attribution.OriginShare share : attribution.lineageOrigin()) {
            credits.add(new OriginCredit(LINEAGE, share.country(), share.share(), downloads * share.share()));
        }
        return List.copyOf(credits);
    }
}
