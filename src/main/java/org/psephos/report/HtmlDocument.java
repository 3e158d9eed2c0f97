package org.psephos.report;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.psephos.report.HtmlReport.Figure;
import org.psephos.report.HtmlReport.Heading;
import org.psephos.report.HtmlReport.KeyValues;
import org.psephos.report.HtmlReport.Paragraph;
import org.psephos.report.HtmlReport.Section;
import org.psephos.report.HtmlReport.Table;

/**
 * An {@link HtmlReport} written out as one self-contained HTML document: the head with the content security policy
 * and the inline style sheet, each section as HTML (every text escaped, figures numbered and inlined as PNG data
 * URIs), then the provenance footer. Stateless.
 */
final class HtmlDocument {
    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;",
            "max-width:1240px;margin:0 auto;padding:1em 1.5em 3em;color:#1a1a1a;line-height:1.45;background:#fff}",
            "h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #0072B2;",
            "padding-bottom:.15em}h3{margin-bottom:.3em}",
            "table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em;min-width:26em}",
            "caption{text-align:left;font-weight:600;padding:.3em 0}",
            "th,td{border:1px solid #ccc;padding:.25em .55em;vertical-align:top}",
            "th{background:#eef3f8;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums;",
            "white-space:nowrap}",
            "tr.flag td{background:#fde3cf;font-weight:600}tr.na td{color:#666}",
            "dl.kv{display:grid;grid-template-columns:max-content auto;gap:.2em 1.2em}dl.kv dt{font-weight:600}",
            "dl.kv dd{margin:0}",
            "figure{margin:1.2em 0 2em}figure img{max-width:100%;height:auto;border:1px solid #ddd}",
            "figcaption{font-size:.92em;color:#333;margin-top:.3em}",
            "p.note{background:#f6f6f6;border-left:4px solid #E69F00;padding:.4em .8em}",
            "footer{margin-top:3em;border-top:1px solid #ccc;font-size:.88em;color:#333}",
            "table.matrix{font-size:.8em}table.matrix th,table.matrix td{padding:.15em .3em}",
            ".scroll{overflow-x:auto}");

    private HtmlDocument() {
    }

    /**
     * @param title    the report's title
     * @param sections its sections, in order
     * @param footer   the provenance footer's lines
     * @return the whole document
     */
    static String render(String title, List<Section> sections, List<Map.Entry<String, String>> footer) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(HtmlReport.CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Psephos\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<main>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        int figure = 0;
        for (Section s : sections) {
            if (s instanceof Heading h) {
                b.append("<h").append(h.level());
                if (h.id() != null) {
                    b.append(" id=\"").append(h.id()).append('"');
                }
                b.append('>').append(Html.escape(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (s instanceof Paragraph p) {
                b.append(p.kind() == Paragraph.Kind.NOTE ? "<p class=\"note\">" : "<p>").append(Html.escape(p.text()))
                        .append("</p>\n");
            } else if (s instanceof KeyValues kv) {
                b.append("<dl class=\"kv\">\n");
                for (Map.Entry<String, String> e : kv.entries()) {
                    b.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd>")
                            .append(Html.escape(e.getValue())).append("</dd>\n");
                }
                b.append("</dl>\n");
            } else if (s instanceof Table t) {
                table(b, t);
            } else if (s instanceof Figure f) {
                figure++;
                b.append("<figure class=\"chart\">\n<img src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png())).append("\" alt=\"")
                        .append(Html.escape(f.alt())).append("\">\n<figcaption>Figure ").append(figure).append(". ")
                        .append(Html.escape(f.caption())).append("</figcaption>\n</figure>\n");
            }
        }
        b.append("</main>\n");
        if (!footer.isEmpty()) {
            b.append("<footer>\n<h2>Methods and provenance</h2>\n<dl class=\"kv\">\n");
            for (Map.Entry<String, String> e : footer) {
                b.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd>")
                        .append(Html.escape(e.getValue())).append("</dd>\n");
            }
            b.append("</dl>\n</footer>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append(t.compact() ? "<div class=\"scroll\"><table class=\"matrix\">\n<caption>"
                : "<div class=\"scroll\"><table>\n<caption>").append(Html.escape(t.caption()))
                .append("</caption>\n<thead><tr>");
        for (String h : t.header()) {
            b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            String cls = t.highlight().get(r);
            b.append(cls.isEmpty() ? "<tr>" : "<tr class=\"" + Html.escape(cls) + "\">");
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                b.append(t.numeric().contains(c) ? "<td class=\"num\">" : "<td>").append(Html.escape(row.get(c)))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }
}
