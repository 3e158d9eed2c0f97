package org.psephos.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.AtomicFiles;

/**
 * A self-contained HTML report assembled from sections: headings, paragraphs, key–value summaries, tables (with
 * highlighted rows), figures and a provenance footer. {@link #html()} gives ONE file that opens offline: charts are
 * inline PNG data URIs, the style sheet is inline, there is no script, and a Content-Security-Policy meta tag
 * ({@code default-src 'none'; img-src data:; style-src 'unsafe-inline'}) stops the browser from fetching anything.
 * Every text given to a section is HTML-escaped, so region, candidate and file names from the input cannot inject
 * markup.
 *
 * <p>Any command can build a report: {@code psephos analyze --report} uses {@link AnalysisReport#sections}, and a
 * case study can append its own sections (time series, estimator curves) to the same builder. Instances are
 * immutable and thread-safe; the builder is not thread-safe. The document is written out by {@code HtmlDocument}.
 *
 * @since 0.1
 */
public final class HtmlReport {
    /** The content security policy: nothing is loaded except inline styles and data-URI images. */
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    /** A part of the report. */
    public sealed interface Section permits Heading, Paragraph, KeyValues, Table, Figure {
    }

    /**
     * A heading.
     *
     * @param level 2 for a section, 3 for a subsection
     * @param text  the heading text
     * @param id    an anchor id (letters, digits, hyphens), or null
     * @since 0.1
     */
    public record Heading(int level, String text, String id) implements Section {
        /** Checks the level and the anchor. */
        public Heading {
            if (level < 2 || level > 4) {
                throw new IllegalArgumentException("heading level is not 2, 3 or 4: " + level);
            }
            Objects.requireNonNull(text, "text");
            if (id != null && !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("anchor id is not letters, digits, - or _: " + id);
            }
        }
    }

    /**
     * A paragraph of plain text.
     *
     * @param text the text
     * @param kind how it is set: in the running text or as a note
     * @since 0.1
     */
    public record Paragraph(String text, Kind kind) implements Section {
        /** How a paragraph is set. */
        public enum Kind {
            /** In the running text. */
            TEXT,
            /** Set off as a note (a shaded box): a caveat or an aside. */
            NOTE
        }

        /** Checks the text and the kind. */
        public Paragraph {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }

        /** @param text the text @return a paragraph in the running text */
        public static Paragraph text(String text) {
            return new Paragraph(text, Kind.TEXT);
        }

        /** @param text the text @return a paragraph set off as a note */
        public static Paragraph note(String text) {
            return new Paragraph(text, Kind.NOTE);
        }
    }

    /**
     * Labelled values, shown as a two-column list (the summary at the top of a report).
     *
     * @param entries label to value, in display order
     * @since 0.1
     */
    public record KeyValues(List<Map.Entry<String, String>> entries) implements Section {
        /** Copies the entries. */
        public KeyValues {
            entries = entries.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }
    }

    /**
     * A table.
     *
     * @param caption   the caption (what the table shows)
     * @param header    the column names
     * @param rows      the cells, each row as long as the header
     * @param numeric   which columns to right-align, by index
     * @param highlight per row: {@code "flag"} (highlighted), {@code "na"} (greyed) or {@code ""}
     * @param compact   whether to set the table in a smaller font with tight cells (wide matrices)
     * @since 0.1
     */
    public record Table(String caption, List<String> header, List<List<String>> rows, List<Integer> numeric,
                        List<String> highlight, boolean compact) implements Section {
        /** Copies and checks the rows. */
        public Table {
            Objects.requireNonNull(caption, "caption");
            header = List.copyOf(header);
            rows = rows.stream().map(r -> List.copyOf(r.stream().map(c -> c == null ? "" : c).toList())).toList();
            numeric = List.copyOf(numeric);
            highlight = List.copyOf(highlight);
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("a row has " + r.size() + " cells, the header "
                            + header.size() + ": " + r);
                }
            }
            if (highlight.size() != rows.size()) {
                throw new IllegalArgumentException("highlight has " + highlight.size() + " entries for "
                        + rows.size() + " rows");
            }
        }

        /**
         * A table in the normal font.
         *
         * @param caption   the caption
         * @param header    the column names
         * @param rows      the cells
         * @param numeric   which columns to right-align
         * @param highlight per row: "flag", "na" or ""
         */
        public Table(String caption, List<String> header, List<List<String>> rows, List<Integer> numeric,
                     List<String> highlight) {
            this(caption, header, rows, numeric, highlight, false);
        }
    }

    /**
     * A figure: a PNG image with a caption and alternative text.
     *
     * @param png     the image
     * @param alt     the alternative text (what the chart shows, for screen readers)
     * @param caption the caption under the figure
     * @since 0.1
     */
    public record Figure(byte[] png, String alt, String caption) implements Section {
        /** Copies the image and checks it is a PNG. */
        public Figure {
            png = png.clone();
            if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                throw new IllegalArgumentException("figure image is not a PNG");
            }
            Objects.requireNonNull(alt, "alt");
            Objects.requireNonNull(caption, "caption");
        }

        /**
         * @param chart   an XChart chart
         * @param caption the caption
         * @return the chart as a figure, its title as the alternative text
         */
        public static Figure of(Chart<?, ?> chart, String caption) {
            return new Figure(ChartImages.png(chart), chart.getTitle(), caption);
        }

        /** @return a copy of the image */
        @Override
        public byte[] png() {
            return png.clone();
        }
    }

    private final String title;
    private final List<Section> sections;
    private final List<Map.Entry<String, String>> footer;

    private HtmlReport(String title, List<Section> sections, List<Map.Entry<String, String>> footer) {
        this.title = title;
        this.sections = List.copyOf(sections);
        this.footer = List.copyOf(footer);
    }

    /**
     * @param title the report's title (the document title and first heading)
     * @return a builder
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects the sections of a report. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private final List<Section> sections = new ArrayList<>();
        private final List<Map.Entry<String, String>> footer = new ArrayList<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /** @param s a section @return this builder */
        public Builder add(Section s) {
            sections.add(Objects.requireNonNull(s, "section"));
            return this;
        }

        /** @param list sections, in order @return this builder */
        public Builder addAll(List<? extends Section> list) {
            list.forEach(this::add);
            return this;
        }

        /** @param text a section heading @return this builder */
        public Builder heading(String text) {
            return add(new Heading(2, text, null));
        }

        /** @param text a paragraph of plain text @return this builder */
        public Builder paragraph(String text) {
            return add(Paragraph.text(text));
        }

        /** @param chart a chart @param caption its caption @return this builder */
        public Builder figure(Chart<?, ?> chart, String caption) {
            return add(Figure.of(chart, caption));
        }

        /**
         * Adds a line to the "Methods and provenance" footer.
         *
         * @param label what it is (e.g. "Seed")
         * @param value its value
         * @return this builder
         */
        public Builder provenance(String label, String value) {
            footer.add(Map.entry(Objects.requireNonNull(label, "label"), String.valueOf(value)));
            return this;
        }

        /** @return the report */
        public HtmlReport build() {
            return new HtmlReport(title, sections, footer);
        }
    }

    /** @return the sections, in order */
    public List<Section> sections() {
        return sections;
    }

    /** @return the whole document */
    public String html() {
        return HtmlDocument.render(title, sections, footer);
    }

    /**
     * Writes the document as UTF-8, atomically.
     *
     * @param target the file
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void write(Path target) {
        String doc = html();
        AtomicFiles.writeText(target, w -> w.write(doc));
    }
}
