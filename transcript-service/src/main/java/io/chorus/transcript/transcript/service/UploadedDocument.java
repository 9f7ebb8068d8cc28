package io.chorus.transcript.transcript.service;

import io.chorus.common.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** The lines of an uploaded transcript file: strict UTF-8 text, or the paragraphs of a .docx (Apache POI). */
public final class UploadedDocument {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private UploadedDocument() {
    }

    public static List<String> textLines(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "Bad Request", "The body is not valid UTF-8 text", List.of());
        }
    }

    /** One line per Word paragraph; anything that is not a readable .docx is refused without detail from the parser. */
    public static List<String> docxLines(byte[] body) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(body))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        } catch (Exception | LinkageError e) {
            throw ProblemException.invalid("", "The body is not a readable .docx document");
        }
    }
}
