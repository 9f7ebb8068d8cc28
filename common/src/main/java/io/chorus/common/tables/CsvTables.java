package io.chorus.common.tables;

import java.util.Locale;
import java.util.Map;

/**
 * A table as CSV (RFC 4180), in a class of its own so that a service without Apache POI (identity, transcript-service)
 * writes CSV too. A text cell that a spreadsheet would run as a formula is written with a leading apostrophe.
 */
public final class CsvTables {

    private CsvTables() {
    }

    public static String csv(TableWriters.Table table) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", table.columns().stream().map(c -> quote(c.label())).toList())).append("\r\n");
        for (Map<String, Object> row : table.rows()) {
            out.append(String.join(",", table.columns().stream().map(c -> quote(cell(row.get(c.key())))).toList())).append("\r\n");
        }
        for (String note : table.notes()) {
            out.append(quote("Note: " + note)).append("\r\n");
        }
        return out.toString();
    }

    /** The table as a CSV file to download, named after the table: what an export endpoint answers. */
    public static jakarta.ws.rs.core.Response download(TableWriters.Table table) {
        return jakarta.ws.rs.core.Response.ok(csv(table).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"").build();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(value);
    }

    /** A text cell that a spreadsheet would run as a formula is kept as text. */
    private static String cell(Object value) {
        String text = text(value);
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
