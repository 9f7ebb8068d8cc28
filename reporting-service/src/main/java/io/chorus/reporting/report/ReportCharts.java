package io.chorus.reporting.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.w3c.dom.Element;

/**
 * A report's figure, drawn by JFreeChart from the table's chart spec and written as SVG (Apache Batik, with a
 * {@code viewBox} so it scales), PNG or PDF (Apache PDFBox Graphics2D). Grouped or stacked horizontal bars, or a heatmap
 * of rows by series like MAXQDA's Code Matrix Browser. Each has its axes, a legend placed with it, at most
 * {@value #MAX_ROWS} rows (the largest, with a subtitle saying so; the table has all), and a "no data" message when
 * empty. A withheld cell (not a number) is left out, never drawn as 0.
 */
public final class ReportCharts {

    static final int MAX_ROWS = 40;
    /** A row that adds up the others (set to true) is left out of the figure. */
    public static final String TOTAL_ROW = "totalRow";
    static final int WIDTH = 900;
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ReportCharts() {
    }

    /** The figure and the size it is drawn at. */
    record Figure(JFreeChart chart, int width, int height) {
    }

    static Figure figure(ReportTable table) {
        ReportTable.Chart spec = table.chart();
        List<Map<String, Object>> rows = largest(table, spec);
        JFreeChart chart = spec.kind().equals("heatmap") ? heatmap(table, spec, rows) : bars(table, spec, rows);
        chart.addSubtitle(new TextTitle(spec.caption(), FONT));
        long drawable = table.rows().stream().filter(row -> !Boolean.TRUE.equals(row.get(TOTAL_ROW))).count();
        if (rows.size() < drawable) {
            chart.addSubtitle(new TextTitle("The " + rows.size() + " largest of " + drawable + " rows; the table has them all",
                    FONT));
        }
        table.notes().forEach(note -> chart.addSubtitle(new TextTitle("Note: " + note, FONT, new Color(0xAA0000),
                RectangleEdge.BOTTOM, org.jfree.chart.ui.HorizontalAlignment.LEFT, org.jfree.chart.ui.VerticalAlignment.BOTTOM,
                new RectangleInsets(2, 4, 2, 4))));
        chart.setBackgroundPaint(Color.WHITE);
        int perRow = spec.kind().equals("bars") ? Math.max(18, 12 * spec.seriesColumns().size()) : 22;
        int height = 220 + 40 * table.notes().size() + perRow * Math.max(rows.size(), 3);
        return new Figure(chart, WIDTH, height);
    }

    public static String svg(ReportTable table) {
        Figure figure = figure(table);
        org.w3c.dom.Document document = GenericDOMImplementation.getDOMImplementation()
                .createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGraphics2D svg = new SVGGraphics2D(document);
        svg.setSVGCanvasSize(new java.awt.Dimension(figure.width(), figure.height()));
        figure.chart().draw(svg, new Rectangle(figure.width(), figure.height()));
        Element root = svg.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + figure.width() + " " + figure.height());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            svg.stream(root, writer, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a DOCTYPE would send XML readers to w3.org for the SVG 1.0 DTD; SVG needs none
        return out.toString(StandardCharsets.UTF_8).replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
    }

    public static byte[] png(ReportTable table) {
        Figure figure = figure(table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, figure.chart(), figure.width(), figure.height());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] pdf(ReportTable table) {
        Figure figure = figure(table);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(figure.width(), figure.height()));
            document.addPage(page);
            de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D graphics = new de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D(document,
                    figure.width(), figure.height());
            // the PDF's standard fonts keep the text as text (searchable); what they cannot encode is drawn as shapes
            graphics.setFontTextDrawer(new de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts());
            figure.chart().draw(graphics, new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
            graphics.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(graphics.getXFormObject());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows to draw: all, or the {@value #MAX_ROWS} with the largest sum over the series. */
    private static List<Map<String, Object>> largest(ReportTable table, ReportTable.Chart spec) {
        List<Map<String, Object>> drawn = table.rows().stream().filter(row -> !Boolean.TRUE.equals(row.get(TOTAL_ROW))).toList();
        if (drawn.size() <= MAX_ROWS) {
            return drawn;
        }
        List<Map<String, Object>> sorted = new ArrayList<>(drawn);
        sorted.sort(Comparator.comparingDouble((Map<String, Object> row) -> -spec.seriesColumns().stream()
                .mapToDouble(s -> row.get(s) instanceof Number n ? n.doubleValue() : 0).sum()));
        List<Map<String, Object>> kept = sorted.subList(0, MAX_ROWS);
        return drawn.stream().filter(kept::contains).toList();
    }

    private static JFreeChart bars(ReportTable table, ReportTable.Chart spec, List<Map<String, Object>> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        java.util.Set<String> used = new java.util.HashSet<>();
        boolean counts = true;
        for (Map<String, Object> row : rows) {
            String category = label(row.get(spec.labelColumn()));
            for (int n = 2; !used.add(category); n++) {
                category = label(row.get(spec.labelColumn())) + " (" + n + ")";
            }
            for (String series : spec.seriesColumns()) {
                if (row.get(series) instanceof Number number) {
                    data.addValue(number, label(table, series), category);
                    counts &= number.doubleValue() == Math.rint(number.doubleValue());
                }
            }
        }
        CategoryAxis categories = new CategoryAxis(label(table, spec.labelColumn()));
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = new NumberAxis(spec.valueLabel());
        values.setStandardTickUnits(counts && data.getRowCount() > 0 ? NumberAxis.createIntegerTickUnits()
                : NumberAxis.createStandardTickUnits());
        boolean stacked = spec.kind().equals("stacked");
        BarRenderer renderer = stacked ? new StackedBarRenderer() : new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.02);
        for (int s = 0; s < spec.seriesColumns().size(); s++) {
            renderer.setSeriesPaint(s, paint(spec.seriesColumns(), s));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        style(plot);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(table.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    private static JFreeChart heatmap(ReportTable table, ReportTable.Chart spec, List<Map<String, Object>> rows) {
        int columns = spec.seriesColumns().size();
        List<double[]> cells = new ArrayList<>();
        double max = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                if (rows.get(r).get(spec.seriesColumns().get(c)) instanceof Number number) {
                    cells.add(new double[] {c, rows.size() - 1 - r, number.doubleValue()});
                    max = Math.max(max, number.doubleValue());
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            series[0][i] = cells.get(i)[0];
            series[1][i] = cells.get(i)[1];
            series[2][i] = cells.get(i)[2];
        }
        data.addSeries(spec.valueLabel(), series);
        // a column's label up to its colon ("BU: share of documents" is BU), every one shown
        SymbolAxis x = new SymbolAxis(null, spec.seriesColumns().stream().map(s -> label(table, s).split(":", 2)[0]).toArray(String[]::new));
        x.setGridBandsVisible(false);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        x.setVerticalTickLabels(columns > 8);
        List<String> labels = new ArrayList<>(rows.stream().map(r -> shorten(label(r.get(spec.labelColumn())), 48)).toList());
        java.util.Collections.reverse(labels);
        SymbolAxis y = new SymbolAxis(label(table, spec.labelColumn()), labels.toArray(String[]::new));
        y.setGridBandsVisible(false);
        XYBlockRenderer renderer = new XYBlockRenderer();
        double top = max > 0 ? max : 1;
        LookupPaintScale scale = new LookupPaintScale(0, top * 1.0001, Color.WHITE);
        for (int step = 0; step <= 10; step++) {
            float strength = step / 10f;
            scale.add(top * step / 10.0, new Color(1 - 0.85f * strength, 1 - 0.55f * strength, 1 - 0.25f * strength));
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        plot.setBackgroundPaint(new Color(0xD9D9D9));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(table.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis(spec.valueLabel());
        legendAxis.setRange(0, top);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(4, 8, 4, 8));
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        if (cells.size() < rows.size() * columns) {
            chart.addSubtitle(new TextTitle("Grey: withheld or no value", FONT, Color.DARK_GRAY, RectangleEdge.BOTTOM,
                    org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.BOTTOM, new RectangleInsets(2, 4, 2, 4)));
        }
        return chart;
    }

    /** Facilitators in greens and barriers in reds, a shade per group; other series from the palette. */
    private static Color paint(List<String> series, int index) {
        String key = series.get(index);
        int shade = (int) series.subList(0, index).stream().filter(k -> k.endsWith(key.endsWith("facilitators") ? "facilitators" : "barriers"))
                .count();
        float darker = Math.min(0.6f, shade * 0.18f);
        if (key.endsWith("facilitators")) {
            return new Color(0.17f * (1 - darker), 0.63f * (1 - darker), 0.17f * (1 - darker));
        }
        if (key.endsWith("barriers")) {
            return new Color(0.84f * (1 - darker), 0.15f * (1 - darker), 0.16f * (1 - darker));
        }
        return PALETTE[index % PALETTE.length];
    }

    private static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setNoDataMessage("No data for these filters");
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        plot.setNoDataMessagePaint((Paint) Color.DARK_GRAY);
    }

    private static String label(ReportTable table, String key) {
        return table.columns().stream().filter(c -> c.key().equals(key)).map(ReportTable.Column::label).findFirst().orElse(key);
    }

    private static String label(Object value) {
        return value == null ? "(none)" : String.valueOf(value);
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
