package org.weightscope.dashboard;

import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;
import org.weightscope.catalogue.Adoption;

/** An adoption answer as a horizontal bar chart in SVG (shares), drawn on the server for the embed route. */
final class EmbedSvg {

    private static final int ROW = 26;
    private static final int LABEL = 220;
    private static final int WIDTH = 720;

    private EmbedSvg() {}

    static String bars(Adoption a, String title, Function<String, String> label) {
        int height = Math.max(1, a.figures().size()) * ROW + 10;
        double max =
                a.figures().stream().mapToDouble(Adoption.Figure::share).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(HtmlUtils.htmlEscape(title))
                .append("\" font-family=\"sans-serif\" font-size=\"13\">");
        int y = 5;
        boolean countries = "origin".equals(a.by());
        for (Adoption.Figure f : a.figures()) {
            double w = max <= 0 ? 0 : (WIDTH - LABEL - 80) * f.share() / max;
            svg.append("<text x=\"")
                    .append(LABEL - 8)
                    .append("\" y=\"")
                    .append(y + 17)
                    .append("\" text-anchor=\"end\">")
                    .append(HtmlUtils.htmlEscape(label.apply(f.key())))
                    .append("</text><rect x=\"")
                    .append(LABEL)
                    .append("\" y=\"")
                    .append(y + 3)
                    .append("\" height=\"")
                    .append(ROW - 6)
                    .append("\" width=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", w))
                    .append("\" fill=\"")
                    .append(countries ? Numbers.colour(f.key()) : "#5470c6")
                    .append("\"/><text x=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", LABEL + w + 6))
                    .append("\" y=\"")
                    .append(y + 17)
                    .append("\">")
                    .append(Numbers.percent(f.share()))
                    .append("</text>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }
}
