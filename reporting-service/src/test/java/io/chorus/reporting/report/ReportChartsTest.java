package io.chorus.reporting.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Every kind of figure a report draws, rendered to PNG (size checked, not blank), SVG (well-formed, with a viewBox)
 * and PDF (one page, its title in it). The PNGs are kept in target/charts for a person to look at.
 */
class ReportChartsTest {

    static final Path OUT = Path.of("target/charts");

    @Test
    void codeBySiteHeatmap() throws Exception {
        ReportTable.Builder table = ReportTable.builder("code-frequency", "Code frequency by site", Map.of()).column("code", "Code");
        List<String> sites = List.of("BU", "DS", "UKE", "ULM", "PU");
        sites.forEach(site -> table.column(site + ".share", site + ": share of documents"));
        for (int c = 0; c < 12; c++) {
            Map<String, Object> row = table.row();
            row.put("code", "Theme " + (c + 1) + (c == 3 ? " with a long name that has to be cut somewhere sensible" : ""));
            for (int s = 0; s < sites.size(); s++) {
                row.put(sites.get(s) + ".share", s == 2 && c == 5 ? "withheld" : ((c * 7 + s * 13) % 10) / 10.0);
            }
        }
        ReportTable built = table.chart("code", sites.stream().map(s -> s + ".share").toList(), "Share of documents coded, by site",
                "heatmap", "Share of documents").note("One site's figures are withheld.").build();
        checkEveryFormat(built, "heatmap");
    }

    @Test
    void facilitatorsAndBarriersStackedByIncome() throws Exception {
        ReportTable.Builder table = ReportTable.builder("facilitators-barriers", "Facilitators and barriers by income", Map.of())
                .column("code", "Code");
        List<String> incomes = List.of("HIC", "LMIC", "LIC");
        incomes.forEach(i -> table.column(i + ".facilitators", i + ": facilitators").column(i + ".barriers", i + ": barriers"));
        for (String code : List.of("Organisational culture", "Leadership engagement", "Available resources", "Peer characteristics")) {
            Map<String, Object> row = table.row();
            row.put("code", code);
            for (int i = 0; i < incomes.size(); i++) {
                row.put(incomes.get(i) + ".facilitators", (long) (code.length() % 5 + i));
                row.put(incomes.get(i) + ".barriers", (long) (code.length() % 3 + 2 * i));
            }
        }
        checkEveryFormat(table.chart("code", incomes.stream().flatMap(i -> java.util.stream.Stream.of(i + ".facilitators",
                i + ".barriers")).toList(), "Coded passages marked as facilitator or barrier, by income", "stacked", "Coded passages")
                .build(), "stacked-valence");
    }

    @Test
    void preVersusPostAndParticipantsByRoleAndGender() throws Exception {
        ReportTable.Builder prePost = ReportTable.builder("pre-post", "Pre vs post", Map.of()).column("code", "Code")
                .column("pre.share", "pre-intervention: share").column("post.share", "post-intervention: share");
        for (int c = 0; c < 6; c++) {
            Map<String, Object> row = prePost.row();
            row.put("code", "Theme " + (c + 1));
            row.put("pre.share", c / 10.0);
            row.put("post.share", (6 - c) / 10.0);
        }
        checkEveryFormat(prePost.chart("code", List.of("pre.share", "post.share"), "Share of documents", "bars", "Share of documents")
                .build(), "pre-post");
        ReportTable.Builder roles = ReportTable.builder("participants-by-role", "Participants by role and gender", Map.of())
                .column("role", "Role").column("female", "Female").column("male", "Male").column("other", "Diverse / not stated");
        for (String role : List.of("Mental health worker", "Key informant", "Peer support worker", "not stated")) {
            Map<String, Object> row = roles.row();
            row.put("role", role);
            row.put("female", (long) role.length() % 7 + 3);
            row.put("male", (long) role.length() % 4 + 1);
            row.put("other", role.equals("Key informant") ? 1L : 0L);
        }
        checkEveryFormat(roles.chart("role", List.of("female", "male", "other"), "Participants by role and gender", "stacked",
                "Participants").build(), "participants");
    }

    @Test
    void anEmptyReportSaysSoAndAHugeOneStaysReadable() throws Exception {
        ReportTable empty = ReportTable.builder("code-frequency", "Code frequency", Map.of()).column("code", "Code")
                .column("share", "Share").chart("code", List.of("share"), "Share of documents", "bars", "Share of documents").build();
        checkEveryFormat(empty, "empty");
        assertTrue(ReportCharts.svg(empty).contains("No data for these filters"));
        ReportTable.Builder huge = ReportTable.builder("code-frequency", "Code frequency", Map.of()).column("code", "Code")
                .column("share", "Share");
        for (int c = 0; c < 400; c++) {
            huge.row().putAll(Map.of("code", "Code " + c, "share", (c % 37) / 37.0));
        }
        ReportTable big = huge.chart("code", List.of("share"), "Share of documents", "bars", "Share of documents").build();
        BufferedImage image = checkEveryFormat(big, "huge");
        assertTrue(image.getHeight() < 1200, "at most " + ReportCharts.MAX_ROWS + " rows are drawn: " + image.getHeight() + " px");
        assertTrue(ReportCharts.svg(big).contains("The 40 largest of 400 rows"));
    }

    private static BufferedImage checkEveryFormat(ReportTable table, String name) throws Exception {
        Files.createDirectories(OUT);
        byte[] png = ReportCharts.png(table);
        Files.write(OUT.resolve(name + ".png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ReportCharts.WIDTH, image.getWidth());
        assertTrue(image.getHeight() >= 250, name + " is " + image.getHeight() + " px high");
        Set<Integer> colours = new HashSet<>();
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                inked += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertTrue(colours.size() > 20, name + " has " + colours.size() + " colours: blank?");
        assertTrue(inked > image.getWidth() * image.getHeight() / 4 / 100, name + " has almost no ink");

        String svg = ReportCharts.svg(table);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
                .getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("0 0 " + ReportCharts.WIDTH + " " + image.getHeight(), root.getAttribute("viewBox"));
        assertTrue(svg.contains(table.title()), "the SVG carries its title as text");

        byte[] pdf = ReportCharts.pdf(table);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(document).contains(table.title()), "the PDF carries its title as text");
        }
        return image;
    }
}
