package io.chorus.refi;

import io.chorus.refi.QdaProject.Case;
import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.CodeSet;
import io.chorus.refi.QdaProject.Coding;
import io.chorus.refi.QdaProject.Note;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.User;
import io.chorus.refi.QdaProject.Variable;
import io.chorus.refi.QdaProject.VariableValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@code .qdpx}: {@code project.qde} and one {@code sources/<GUID>.txt} per text source. A source's
 * {@code plainTextContent} is the text written to its file (LF line ends), and its selections' positions are
 * code-point indexes into it; they are written in the requested counting (the standard's, or NVivo's UTF-16).
 */
public final class ProjectWriter {

    public static final String PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";

    private ProjectWriter() {
    }

    public static void write(QdaProject project, PositionCounting counting, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Source source : project.sources()) {
                if (source.plainTextContent() != null) {
                    zip.putNextEntry(new ZipEntry("sources/" + fileName(source)));
                    zip.write(source.plainTextContent().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("project.qde"));
            writeProjectFile(project, counting, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(Source source) {
        return Guids.written(Guids.toUuid(source.guid())) + ".txt";
    }

    /** The project file alone, e.g. to validate it against {@code Project.xsd}. */
    public static void writeProjectFile(QdaProject project, PositionCounting counting, OutputStream out) {
        QdaXmlWriter xml = new QdaXmlWriter(new NotClosing(out), "Project", PROJECT_NAMESPACE);
        xml.attribute("name", project.name()).attribute("origin", project.origin());
        if (!project.users().isEmpty()) {
            xml.start("Users");
            for (User user : project.users()) {
                xml.empty("User").guid("guid", user.guid()).attribute("name", user.name()).attribute("id", user.id());
            }
            xml.end();
        }
        if (!project.codes().isEmpty()) {
            xml.start("CodeBook");
            codes(xml, project.codes());
            xml.end();
        }
        if (!project.variables().isEmpty()) {
            xml.start("Variables");
            for (Variable variable : project.variables()) {
                xml.start("Variable").guid("guid", variable.guid()).attribute("name", variable.name())
                        .attribute("typeOfVariable", variable.type().name()).textElement("Description", variable.description()).end();
            }
            xml.end();
        }
        if (!project.cases().isEmpty()) {
            xml.start("Cases");
            for (Case c : project.cases()) {
                xml.start("Case").guid("guid", c.guid()).attribute("name", c.name()).textElement("Description", c.description());
                values(xml, c.values(), project.variables());
                c.sourceGuids().forEach(source -> xml.ref("SourceRef", source));
                xml.end();
            }
            xml.end();
        }
        if (!project.sources().isEmpty()) {
            xml.start("Sources");
            for (Source source : project.sources()) {
                source(xml, source, counting, project.variables());
            }
            xml.end();
        }
        if (!project.notes().isEmpty()) {
            xml.start("Notes");
            for (Note note : project.notes()) {
                xml.start("Note").guid("guid", note.guid()).attribute("name", note.name()).guid("creatingUser", note.creatingUser())
                        .time("creationDateTime", note.created()).textElement("PlainTextContent", note.text()).end();
            }
            xml.end();
        }
        if (!project.sets().isEmpty()) {
            xml.start("Sets");
            for (CodeSet set : project.sets()) {
                xml.start("Set").guid("guid", set.guid()).attribute("name", set.name()).textElement("Description", set.description());
                set.memberCodes().forEach(code -> xml.ref("MemberCode", code));
                xml.end();
            }
            xml.end();
        }
        xml.close();
    }

    static void codes(QdaXmlWriter xml, List<Code> codes) {
        xml.start("Codes");
        codes.forEach(code -> code(xml, code));
        xml.end();
    }

    private static void code(QdaXmlWriter xml, Code code) {
        xml.start("Code").guid("guid", code.guid()).attribute("name", code.name()).attribute("isCodable", code.codable())
                .attribute("color", code.color()).textElement("Description", code.description());
        code.children().forEach(child -> code(xml, child));
        xml.end();
    }

    private static void source(QdaXmlWriter xml, Source source, PositionCounting counting, List<Variable> variables) {
        xml.start("TextSource").guid("guid", source.guid()).attribute("name", source.name());
        if (source.plainTextContent() != null) {
            xml.attribute("plainTextPath", "internal://" + fileName(source));
        }
        xml.guid("creatingUser", source.creatingUser()).time("creationDateTime", source.created())
                .textElement("Description", source.description());
        SourceText text = source.plainTextContent() == null ? null : new SourceText(source.plainTextContent());
        for (Selection selection : source.selections()) {
            long start = text == null ? selection.start() : text.position((int) selection.start(), counting);
            long end = text == null ? selection.end() : text.position((int) selection.end(), counting);
            xml.start("PlainTextSelection").guid("guid", selection.guid()).attribute("name", selection.name())
                    .attribute("startPosition", start).attribute("endPosition", end).guid("creatingUser", selection.creatingUser())
                    .time("creationDateTime", selection.created()).textElement("Description", selection.description());
            selection.codings().forEach(coding -> coding(xml, coding));
            selection.noteRefs().forEach(note -> xml.ref("NoteRef", note));
            xml.end();
        }
        source.codings().forEach(coding -> coding(xml, coding));
        source.noteRefs().forEach(note -> xml.ref("NoteRef", note));
        values(xml, source.values(), variables);
        xml.end();
    }

    private static void coding(QdaXmlWriter xml, Coding coding) {
        xml.start("Coding").guid("guid", coding.guid()).guid("creatingUser", coding.creatingUser()).time("creationDateTime", coding.created())
                .ref("CodeRef", coding.codeGuid()).end();
    }

    private static void values(QdaXmlWriter xml, List<VariableValue> values, List<Variable> variables) {
        for (VariableValue value : values) {
            String element = variables.stream().filter(v -> v.guid().equals(value.variableGuid())).findFirst()
                    .map(v -> v.type().name() + "Value").orElse("TextValue");
            xml.start("VariableValue").ref("VariableRef", value.variableGuid()).textElement(element, value.value()).end();
        }
    }

    /** Lets the XML writer finish without closing the zip entry under it. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
