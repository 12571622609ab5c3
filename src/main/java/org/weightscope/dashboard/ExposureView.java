package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.exposure.ExposureReport;
import org.weightscope.exposure.ExposureService;
import org.weightscope.exposure.InventoryException;

/** Upload an AI inventory, see its exposure by origin and licence; export CSV or print. Nothing is stored. */
@AnonymousAllowed
@Route(value = "exposure", layout = MainLayout.class)
@PageTitle("Exposure report · Weightscope")
public class ExposureView extends VerticalLayout {

    static final int MAX_UPLOAD = 20 * 1024 * 1024;
    private final ExposureService exposure;
    private final CatalogueService catalogue;
    private final TextField origin = new TextField();
    private final VerticalLayout report = new VerticalLayout();

    ExposureView(ExposureService exposure, CatalogueService catalogue) {
        this.exposure = exposure;
        this.catalogue = catalogue;
        setMaxWidth("1300px");
        add(new H2(getTranslation("exposure.title")), new Paragraph(getTranslation("exposure.intro")));
        origin.setLabel(getTranslation("exposure.origin"));
        origin.setValue("CN");
        origin.setMaxLength(2);
        origin.setWidth("10em");
        origin.setId("exposure-origin");
        UI ui = UI.getCurrent();
        Upload upload =
                new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> show(meta.fileName(), bytes))));
        upload.setId("inventory-upload");
        upload.setMaxFileSize(MAX_UPLOAD);
        upload.setAcceptedFileTypes(".json", ".xml", ".csv", ".cdx", "application/json", "text/xml", "text/csv");
        upload.setDropAllowed(true);
        Anchor template = new Anchor(
                DownloadHandler.fromInputStream(e -> {
                    byte[] out = ExposureView.class
                            .getResourceAsStream("/exposure/template.csv")
                            .readAllBytes();
                    return new DownloadResponse(
                            new ByteArrayInputStream(out),
                            "weightscope-inventory-template.csv",
                            "text/csv; charset=utf-8",
                            out.length);
                }),
                getTranslation("exposure.template"));
        template.getElement().setAttribute("download", true);
        template.setId("exposure-template");
        HorizontalLayout controls = new HorizontalLayout(origin, upload, template);
        controls.addClassName("no-print");
        controls.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(controls, report);
        report.setPadding(false);
        report.setId("exposure-report");
    }

    private void show(String fileName, byte[] bytes) {
        report.removeAll();
        String chosen =
                origin.getValue().isBlank() ? null : origin.getValue().trim().toUpperCase(Locale.ROOT);
        ExposureReport r;
        try {
            r = exposure.report(fileName, bytes, chosen);
        } catch (InventoryException e) {
            Paragraph error = new Paragraph(getTranslation("exposure.error", e.getMessage()));
            error.setId("exposure-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            report.add(error);
            return;
        }
        ExposureReport.Summary s = r.summary();
        Paragraph summary = new Paragraph(
                getTranslation("exposure.summary", s.components(), s.resolved(), s.ambiguous(), s.unknown()));
        summary.setId("exposure-summary");
        report.add(summary);
        String catalogueAsOf =
                catalogue.asOfRange().map(x -> Caption.day(x.to())).orElse(getTranslation("caption.noDataShort"));
        Paragraph cite = new Paragraph(getTranslation(
                "exposure.asOf", catalogueAsOf, Caption.day(r.generatedAt()), r.ruleVersion(), r.format()));
        cite.setId("exposure-as-of");
        cite.getStyle().set("font-size", "var(--lumo-font-size-s)");
        report.add(cite);

        Div charts = DashboardView.panelGrid("480px");
        charts.add(
                originChart("exposure-uploader", getTranslation("exposure.byUploader"), s.byUploaderOrigin(), r),
                originChart("exposure-lineage", getTranslation("exposure.byLineage"), s.byLineageOrigin(), r));
        report.add(charts);
        Paragraph hhi =
                new Paragraph(getTranslation("exposure.hhi", hhi(s.developerOrgs()), hhi(s.lineageCountries())));
        hhi.setId("exposure-hhi");
        report.add(hhi, new Paragraph(getTranslation("exposure.hhiExplained")));
        report.add(new H3(getTranslation("exposure.risks")));
        for (ExposureReport.RiskCount k : s.licenceRisks()) {
            Paragraph risk = new Paragraph(getTranslation(
                    "exposure.risk",
                    getTranslation("exposure.flag." + k.flag()),
                    k.components(),
                    Numbers.percent(k.weightShare()),
                    getTranslation("exposure.obligation." + k.flag())));
            risk.addClassName("exposure-risk");
            report.add(risk);
        }
        report.add(new H3(getTranslation("exposure.byUnit")), ExposureUnits.grid(r, chosen, this));

        Grid<ExposureReport.Component> grid = new Grid<>();
        grid.setId("exposure-components");
        grid.addColumn(ExposureReport.Component::reference)
                .setHeader(getTranslation("exposure.reference"))
                .setFlexGrow(2);
        grid.addColumn(c -> getTranslation("exposure.status." + c.status())
                        + (c.notes().isEmpty() ? "" : " — " + String.join("; ", c.notes())))
                .setHeader(getTranslation("exposure.status"))
                .setFlexGrow(2);
        grid.addColumn(c -> String.join(", ", c.candidates())).setHeader(getTranslation("exposure.candidates"));
        grid.addColumn(c -> c.businessUnit() == null ? "" : c.businessUnit())
                .setHeader(getTranslation("exposure.unit"));
        grid.addColumn(c -> c.uploaderOrigin() == null
                        ? ""
                        : countries(c.uploaderOrigin()) + " / " + countries(c.lineageOrigin()))
                .setHeader(getTranslation("models.origin"));
        grid.addColumn(c -> c.licenceId() == null ? "" : c.licenceId() + " (" + c.licenceClass() + ")")
                .setHeader(getTranslation("models.licence"));
        grid.addColumn(c -> String.join(", ", c.riskFlags())).setHeader(getTranslation("exposure.risks"));
        grid.addColumn(ExposureReport.Component::hardwareClass).setHeader(getTranslation("models.hardware"));
        grid.addColumn(c -> c.alternatives().stream()
                        .map(ExposureReport.Alternative::id)
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("exposure.alternatives"))
                .setFlexGrow(2);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(r.components());
        grid.setAllRowsVisible(true);
        report.add(new H3(getTranslation("exposure.components")), grid);
        if (!r.problems().isEmpty()) {
            report.add(new H3(getTranslation("exposure.problems")));
            r.problems()
                    .forEach(p -> report.add(new Paragraph(
                            (p.row() == 0 ? "" : "row " + p.row() + ": ") + p.severity() + ": " + p.message())));
        }
        String csv = exposure.toCsv(r);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(e -> {
                    byte[] out = csv.getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(out),
                            "weightscope-exposure.csv",
                            "text/csv; charset=utf-8",
                            out.length);
                }),
                getTranslation("exposure.csv"));
        download.getElement().setAttribute("download", true);
        download.setId("exposure-csv");
        Button print = new Button(
                getTranslation("exposure.print"), e -> UI.getCurrent().getPage().executeJs("window.print()"));
        HorizontalLayout actions = new HorizontalLayout(download, print);
        actions.addClassName("no-print");
        report.add(actions);
    }

    private ChartPanel originChart(
            String id, String title, List<ExposureReport.OriginExposure> byOrigin, ExposureReport r) {
        List<Adoption.Figure> figures = byOrigin.stream()
                .map(o -> new Adoption.Figure(o.origin(), o.weight(), o.weightShare()))
                .toList();
        ChartPanel panel = new ChartPanel(
                id,
                title,
                ChartOptions.figures("pie", figures, "weight", k -> Numbers.country(k, getLocale()), true),
                new Caption(
                        Caption.day(r.generatedAt()),
                        "exposure-weight",
                        "1",
                        getTranslation(id.endsWith("uploader") ? "view.uploader" : "view.lineage"),
                        r.ruleVersion()));
        return panel;
    }

    private static String countries(List<org.weightscope.catalogue.Attribution.OriginShare> shares) {
        return shares.stream()
                .map(s -> s.country() + (s.share() < 1 ? String.format(" %.0f%%", 100 * s.share()) : ""))
                .collect(Collectors.joining(","));
    }

    private static String hhi(ExposureReport.Concentration c) {
        return c.hhi() == null ? "n/a" : String.format("%,.0f", c.hhi());
    }
}
