package io.chorus.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a report table as CSV (RFC 4180), XLSX (Apache POI) or an SVG bar chart. */
public final class TableWriters {

    private TableWriters() {
    }

    public static String csv(ReportTable table) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", table.columns().stream().map(c -> quote(c.label())).toList())).append("\r\n");
        for (Map<String, Object> row : table.rows()) {
            out.append(String.join(",", table.columns().stream().map(c -> quote(text(row.get(c.key())))).toList())).append("\r\n");
        }
        for (String note : table.notes()) {
            out.append(quote("Note: " + note)).append("\r\n");
        }
        return out.toString();
    }

    public static byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.report());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(table.title());
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int i = 0; i < table.columns().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(table.columns().get(i).label());
                cell.setCellStyle(bold);
            }
            int r = 2;
            for (Map<String, Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < table.columns().size(); i++) {
                    Object value = values.get(table.columns().get(i).key());
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(text(value));
                    }
                }
            }
            r++;
            for (String note : table.notes()) {
                sheet.createRow(r++).createCell(0).setCellValue("Note: " + note);
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A horizontal grouped bar chart of the table's chart series, one group per row. */
    public static String svg(ReportTable table) {
        ReportTable.Chart chart = table.chart();
        String[] colours = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"};
        int barHeight = 14;
        int groupHeight = barHeight * chart.seriesColumns().size() + 10;
        int labelWidth = 260;
        int plotWidth = 420;
        double max = 0;
        for (Map<String, Object> row : table.rows()) {
            for (String series : chart.seriesColumns()) {
                max = Math.max(max, number(row.get(series)));
            }
        }
        int notesHeight = 16 * table.notes().size();
        int height = 60 + notesHeight + groupHeight * table.rows().size() + 20 * chart.seriesColumns().size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + plotWidth + 80)
                .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<title>").append(escape(table.title())).append("</title>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(escape(table.title())).append("</text>\n");
        svg.append("<text x=\"10\" y=\"38\" fill=\"#555\">").append(escape(chart.caption())).append("</text>\n");
        int y = 50;
        for (String note : table.notes()) {
            svg.append("<text x=\"10\" y=\"").append(y).append("\" fill=\"#a00\">").append(escape("Note: " + note)).append("</text>\n");
            y += 16;
        }
        for (Map<String, Object> row : table.rows()) {
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + groupHeight / 2)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(text(row.get(chart.labelColumn())), 42))).append("</text>\n");
            for (int s = 0; s < chart.seriesColumns().size(); s++) {
                Object raw = row.get(chart.seriesColumns().get(s));
                double value = number(raw);
                String shown = raw == null ? "n/a" : format(value);
                int width = max == 0 ? 0 : (int) Math.round(plotWidth * value / max);
                int barY = y + s * barHeight;
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(barY).append("\" width=\"").append(width)
                        .append("\" height=\"").append(barHeight - 2).append("\" fill=\"").append(colours[s % colours.length])
                        .append("\"><title>").append(escape(label(table, chart.seriesColumns().get(s)) + ": " + shown))
                        .append("</title></rect>\n");
                svg.append("<text x=\"").append(labelWidth + width + 4).append("\" y=\"").append(barY + barHeight - 4)
                        .append("\">").append(shown).append("</text>\n");
            }
            y += groupHeight;
        }
        for (int s = 0; s < chart.seriesColumns().size(); s++) {
            int legendY = y + 10 + s * 20;
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(legendY).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colours[s % colours.length]).append("\"/>");
            svg.append("<text x=\"").append(labelWidth + 18).append("\" y=\"").append(legendY + 10).append("\">")
                    .append(escape(label(table, chart.seriesColumns().get(s)))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String label(ReportTable table, String key) {
        return table.columns().stream().filter(c -> c.key().equals(key)).map(ReportTable.Column::label).findFirst().orElse(key);
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(value);
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
