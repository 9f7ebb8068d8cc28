package io.chorus.reporting.report;

import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report as a table: named columns and rows keyed by column. The same table is written as JSON,
 * CSV and XLSX; {@code chart} names the label column and the numeric columns an SVG chart draws; {@code notes}
 * say, in every format, why figures are withheld.
 */
@Schema(name = "Report", description = "Every report: its columns, one row per line keyed by column key, the filters it "
        + "was made with, the chart an SVG draws, and notes on withheld figures")
public record ReportTable(String report, String title, Map<String, String> filters, List<Column> columns,
        @Schema(description = "One row per line; its cells (ReportRow) are declared by io.chorus.reporting.config.ReportFormats")
        List<Map<String, Object>> rows, Chart chart, List<String> notes,
        @Schema(description = "The cells withheld by disclosure control (null in rows), so that a reader tells them from "
                + "missing data; the notes say why") List<Withheld> withheld) {

    /** The cells of one row (its index in rows) withheld by disclosure control. */
    @Schema(name = "ReportWithheld")
    public record Withheld(int row, List<String> columns) {
    }

    @Schema(name = "ReportColumn")
    public record Column(String key, String label) {
    }

    /** The table as CSV and XLSX write it. */
    public io.chorus.common.tables.TableWriters.Table table() {
        return new io.chorus.common.tables.TableWriters.Table(report, title,
                columns.stream().map(c -> new io.chorus.common.tables.TableWriters.Column(c.key(), c.label())).toList(), rows, notes);
    }

    /**
     * What a figure draws: one category per row (its label column), one series per column named; {@code kind} is
     * {@code bars} (grouped), {@code stacked} or {@code heatmap} (rows by series, a cell's colour its value).
     */
    @Schema(name = "ReportChart")
    public record Chart(String labelColumn, List<String> seriesColumns, String caption, String kind, String valueLabel) {
    }

    public static Builder builder(String report, String title, Map<String, String> filters) {
        return new Builder(report, title, filters);
    }

    public static final class Builder {
        private final String report;
        private final String title;
        private final Map<String, String> filters;
        private final List<Column> columns = new ArrayList<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private Chart chart;
        private final List<String> notes = new ArrayList<>();
        /** Rows by identity (they may be reordered before build) with the keys withheld in them. */
        private final Map<Map<String, Object>, java.util.Set<String>> withheld = new java.util.IdentityHashMap<>();

        Builder(String report, String title, Map<String, String> filters) {
            this.report = report;
            this.title = title;
            this.filters = filters;
        }

        public Builder column(String key, String label) {
            if (columns.stream().noneMatch(c -> c.key().equals(key))) {
                columns.add(new Column(key, label));
            }
            return this;
        }

        public Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            rows.add(row);
            return row;
        }

        /** Grouped bars: one group per row, one bar per series. */
        public Builder chart(String labelColumn, List<String> series, String caption) {
            return chart(labelColumn, series, caption, "bars", "Count");
        }

        public Builder chart(String labelColumn, List<String> series, String caption, String kind, String valueLabel) {
            this.chart = new Chart(labelColumn, series, caption, kind, valueLabel);
            return this;
        }

        /** Reorders the rows made so far. */
        public Builder sortRows(java.util.Comparator<Map<String, Object>> order) {
            rows.sort(order);
            return this;
        }

        /** A sentence printed with the table in every format, such as why figures are withheld. */
        public Builder note(String note) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return this;
        }

        /** Withholds these cells of the row (they become null) and notes why in the table. */
        public Builder withhold(Map<String, Object> row, List<String> keys, String why) {
            for (String key : keys) {
                row.put(key, null);
                withheld.computeIfAbsent(row, r -> new java.util.LinkedHashSet<>()).add(key);
            }
            return note(why);
        }

        public ReportTable build() {
            List<Withheld> cells = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                java.util.Set<String> keys = withheld.get(rows.get(i));
                if (keys != null) {
                    cells.add(new Withheld(i, List.copyOf(keys)));
                }
            }
            return new ReportTable(report, title, filters, List.copyOf(columns), List.copyOf(rows), chart, List.copyOf(notes),
                    List.copyOf(cells));
        }
    }
}
