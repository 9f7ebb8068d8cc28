package io.chorus.common.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a table as CSV (RFC 4180) or XLSX (Apache POI), the same way in every service. A text cell that a spreadsheet
 * would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe
 * in CSV; XLSX stores every text cell as text.
 */
public final class TableWriters {

    private TableWriters() {
    }

    /** A table: its sheet name and title, its columns (key and label), rows of cells by key, and notes under it. */
    public record Table(String name, String title, List<Column> columns, List<Map<String, Object>> rows, List<String> notes) {
    }

    public record Column(String key, String label) {
    }

    /** The table as CSV; see {@link CsvTables}, which needs no Apache POI on the class path. */
    public static String csv(Table table) {
        return CsvTables.csv(table);
    }

    public static byte[] xlsx(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.name());
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
            CellStyle whole = numberStyle(workbook, "#,##0");
            CellStyle decimal = numberStyle(workbook, "0.00");
            CellStyle percent = numberStyle(workbook, "0.0%");
            int[] widths = new int[table.columns().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = table.columns().get(i).label().length();
            }
            int r = 2;
            for (Map<String, Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < table.columns().size(); i++) {
                    String key = table.columns().get(i).key();
                    Object value = values.get(key);
                    if (value instanceof Number number) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(number.doubleValue());
                        boolean share = key.equals("share") || key.endsWith(".share") || key.endsWith("Share");
                        cell.setCellStyle(share ? percent : value instanceof Double || value instanceof Float ? decimal : whole);
                        widths[i] = Math.max(widths[i], 10);
                    } else if (value != null) {
                        row.createCell(i).setCellValue(CsvTables.text(value));
                        widths[i] = Math.max(widths[i], Math.min(60, CsvTables.text(value).length()));
                    }
                }
            }
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(255, widths[i] + 2) * 256);
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

    private static CellStyle numberStyle(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
