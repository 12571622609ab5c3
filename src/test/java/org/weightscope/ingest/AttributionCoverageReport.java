package org.weightscope.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.OriginCredit;

/**
 * Not part of the suite (no "Test" suffix): run with {@code -Dtest=AttributionCoverageReport}. Imports every
 * recording as the offline demo does, then sums the stored models' 30-day downloads itself (no aggregation
 * code of the app) into the shares whose origin, hardware class and licence class are unknown, and prints the
 * overview's newest weekly point by origin in both views. Used for the before/after figures of issue 12.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class AttributionCoverageReport extends IntegrationTest {

    @Autowired
    RecordingImport recordings;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    AdoptionService adoption;

    @Test
    void report() {
        recordings.importAll();
        double total = 0, lineageUnknown = 0, uploaderUnknown = 0, hardwareUnknown = 0, licenceUnknown = 0;
        Map<String, Double> byHardware = new TreeMap<>();
        Map<String, Double> byLicence = new TreeMap<>();
        for (String hub : List.of("huggingface", "modelscope", "ollama", "openrouter")) {
            for (CatalogueModel m : catalogue.modelsOfHub(hub)) {
                double d = m.figures().downloads30d() == null ? 0 : m.figures().downloads30d();
                if (d == 0 || m.attribution() == null) continue;
                total += d;
                for (OriginCredit c : m.originCredit()) {
                    if (!"unattributed".equals(c.country())) continue;
                    if (OriginCredit.LINEAGE.equals(c.view())) lineageUnknown += c.downloads30d();
                    else uploaderUnknown += c.downloads30d();
                }
                String hw = m.attribution().hardware().clazz();
                byHardware.merge(hw, d, Double::sum);
                if ("unknown".equals(hw)) hardwareUnknown += d;
                String lic = licenceClass(m);
                byLicence.merge(lic, d, Double::sum);
                if ("unknown".equals(lic)) licenceUnknown += d;
            }
        }
        System.out.printf("COVERAGE total 30-day downloads %.0f%n", total);
        System.out.printf(
                "COVERAGE unknown origin: lineage %.1f %%, uploader %.1f %%%n",
                100 * lineageUnknown / total, 100 * uploaderUnknown / total);
        System.out.printf("COVERAGE unknown hardware class %.1f %%%n", 100 * hardwareUnknown / total);
        System.out.printf("COVERAGE unknown licence class %.1f %%%n", 100 * licenceUnknown / total);
        double inferred = 0;
        for (String hub : List.of("huggingface")) {
            for (CatalogueModel m : catalogue.modelsOfHub(hub)) {
                if (m.figures().downloads30d() != null
                        && m.attribution() != null
                        && m.attribution().lineage().inferred())
                    inferred += m.figures().downloads30d();
            }
        }
        System.out.printf("COVERAGE lineage inferred by name %.1f %%%n", 100 * inferred / total);
        double t = total;
        byHardware.forEach((k, v) -> System.out.printf("COVERAGE hardware %s %.1f %%%n", k, 100 * v / t));
        byLicence.forEach((k, v) -> System.out.printf("COVERAGE licence %s %.1f %%%n", k, 100 * v / t));
        for (Adoption.View view : Adoption.View.values()) {
            List<AdoptionService.Point> points = adoption
                    .weekly(
                            Adoption.Query.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, view),
                            LocalDate.parse("2024-01-01"),
                            LocalDate.parse("2026-08-23"),
                            AdoptionService.Sample.ALL)
                    .points()
                    .stream()
                    .filter(p -> p.adoption() != null && !p.adoption().figures().isEmpty())
                    .toList();
            AdoptionService.Point last = points.get(points.size() - 1);
            StringBuilder sb = new StringBuilder();
            for (Adoption.Figure f : last.adoption().figures()) {
                sb.append(String.format(" %s=%.1f%%", f.key(), 100 * f.share()));
            }
            System.out.printf("NEWEST-WEEK %s %s:%s%n", view.id(), last.day(), sb);
        }
    }

    /** The class licence-mix charts use: since attribution-2 the effective class along the lineage. */
    private static String licenceClass(CatalogueModel m) {
        return m.attribution().licence().effectiveClass();
    }
}
