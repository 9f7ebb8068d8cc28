package io.chorus.transcript.subjectaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The archive a participant's data goes out in: participant.json (machine-readable, Art. 20) and summary.html (readable). */
final class ArchiveFiles {

    private ArchiveFiles() {
    }

    static byte[] zip(ObjectMapper json, JsonNode archive) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("participant.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(archive));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("summary.html"));
            zip.write(html(archive).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String html(JsonNode archive) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Participant ")
                .append(e(archive.path("participant"))).append(", ").append(e(archive.path("site")))
                .append("</title></head><body><h1>What Chorus holds on participant ").append(e(archive.path("participant")))
                .append(" of site ").append(e(archive.path("site"))).append("</h1><p>Made ").append(e(archive.path("madeAt")))
                .append(" at the request of ").append(e(archive.path("requestedBy"))).append(".</p>");
        page.append("<h2>Questionnaire</h2>").append(table(archive.path("questionnaire")));
        page.append("<h2>Consent</h2>").append(table(archive.path("consent")));
        page.append("<h2>What they said</h2><table><tr><th>label</th><th>transcript</th><th>original</th><th>English</th></tr>");
        for (JsonNode p : archive.path("paragraphs")) {
            page.append("<tr><td>").append(e(p.path("label"))).append("</td><td>").append(e(p.path("transcript"))).append("</td><td>")
                    .append(e(p.path("original"))).append("</td><td>").append(e(p.path("english"))).append("</td></tr>");
        }
        page.append("</table><h2>Codings of what they said</h2><table><tr><th>transcript</th><th>paragraphs</th><th>code</th>"
                + "<th>valence</th><th>coder</th></tr>");
        for (JsonNode c : archive.path("codings")) {
            page.append("<tr><td>").append(e(c.path("transcriptId"))).append("</td><td>").append(e(c.path("firstParagraph"))).append("–")
                    .append(e(c.path("lastParagraph"))).append("</td><td>").append(e(c.path("code"))).append("</td><td>")
                    .append(e(c.path("valence"))).append("</td><td>").append(e(c.path("coder"))).append("</td></tr>");
        }
        page.append("</table><h2>Memos on what they said</h2>");
        for (JsonNode m : archive.path("memos")) {
            page.append("<h3>").append(e(m.path("title"))).append("</h3><p>").append(e(m.path("text"))).append("</p><p>by ")
                    .append(e(m.path("author"))).append("</p>");
        }
        page.append("<h2>Quotes in the reports</h2><ul>");
        for (JsonNode q : archive.path("quotes")) {
            page.append("<li>").append(e(q.path("label"))).append(" (").append(e(q.path("code"))).append("): ").append(e(q.path("english")))
                    .append("</li>");
        }
        return page.append("</ul></body></html>").toString();
    }

    private static String table(JsonNode fields) {
        StringBuilder rows = new StringBuilder("<table>");
        fields.fields().forEachRemaining(f -> rows.append("<tr><th>").append(e(f.getKey())).append("</th><td>").append(e(f.getValue()))
                .append("</td></tr>"));
        return rows.append("</table>").toString();
    }

    private static String e(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : e(value.asText());
    }

    private static String e(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
