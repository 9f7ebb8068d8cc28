package io.chorus.refi;

import io.chorus.refi.QdaProject.Case;
import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.CodeSet;
import io.chorus.refi.QdaProject.Coding;
import io.chorus.refi.QdaProject.Note;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdaProject.User;
import io.chorus.refi.QdaProject.Variable;
import io.chorus.refi.QdaProject.VariableType;
import io.chorus.refi.QdaProject.VariableValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the project file of a {@code .qdpx} (and the code book of a {@code .qdc}) in one streaming pass. */
public final class ProjectReader {

    private static final Map<String, SourceKind> SOURCE_KINDS = Map.of("TextSource", SourceKind.TEXT, "PDFSource", SourceKind.PDF,
            "PictureSource", SourceKind.PICTURE, "AudioSource", SourceKind.AUDIO, "VideoSource", SourceKind.VIDEO);

    private ProjectReader() {
    }

    public static QdaProject read(QdpxArchive archive) {
        String entry = archive.projectEntry();
        try (InputStream in = archive.open(entry)) {
            return read(in, entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QdaProject read(InputStream in, String entry) {
        SecureXml xml = SecureXml.open(in, entry, "Project");
        try {
            String name = xml.attribute("name");
            String origin = xml.attribute("origin");
            List<User> users = new ArrayList<>();
            List<Code> codes = new ArrayList<>();
            List<CodeSet> sets = new ArrayList<>();
            List<Variable> variables = new ArrayList<>();
            List<Case> cases = new ArrayList<>();
            List<Source> sources = new ArrayList<>();
            List<Note> notes = new ArrayList<>();
            xml.children(element -> {
                switch (element) {
                    case "Users" -> xml.children(u -> {
                        if (u.equals("User")) {
                            users.add(new User(xml.guid("guid"), xml.attribute("name"), xml.attribute("id")));
                        }
                        xml.skip();
                    });
                    case "CodeBook" -> xml.children(c -> {
                        if (c.equals("Codes")) {
                            codes.addAll(codes(xml));
                        } else {
                            xml.skip();
                        }
                    });
                    case "Variables" -> xml.children(v -> variables.add(variable(xml)));
                    case "Cases" -> xml.children(c -> cases.add(caseOf(xml)));
                    case "Sources" -> xml.children(s -> sources.add(source(xml, SOURCE_KINDS.getOrDefault(s, SourceKind.TEXT))));
                    case "Notes" -> xml.children(n -> notes.add(note(xml)));
                    case "Sets" -> sets.addAll(sets(xml));
                    default -> xml.skip();
                }
            });
            return new QdaProject(name, origin, users, codes, sets, variables, cases, sources, notes);
        } finally {
            xml.close();
        }
    }

    /** A {@code .qdc}: a code book with its sets, as a project that has nothing else. */
    public static QdaProject readCodebook(InputStream in, String entry) {
        SecureXml xml = SecureXml.open(in, entry, "CodeBook");
        try {
            String origin = xml.attribute("origin");
            List<Code> codes = new ArrayList<>();
            List<CodeSet> sets = new ArrayList<>();
            xml.children(element -> {
                switch (element) {
                    case "Codes" -> codes.addAll(codes(xml));
                    case "Sets" -> sets.addAll(sets(xml));
                    default -> xml.skip();
                }
            });
            return new QdaProject(null, origin, List.of(), codes, sets, List.of(), List.of(), List.of(), List.of());
        } finally {
            xml.close();
        }
    }

    private static List<Code> codes(SecureXml xml) {
        List<Code> codes = new ArrayList<>();
        xml.children(element -> {
            if (element.equals("Code")) {
                codes.add(code(xml));
            } else {
                xml.skip();
            }
        });
        return codes;
    }

    private static Code code(SecureXml xml) {
        String guid = xml.guid("guid");
        String name = xml.attribute("name");
        boolean codable = xml.flag("isCodable", true);
        String color = xml.attribute("color");
        String[] description = {null};
        List<Code> children = new ArrayList<>();
        xml.children(element -> {
            switch (element) {
                case "Description" -> description[0] = xml.text();
                case "Code" -> children.add(code(xml));
                default -> xml.skip();
            }
        });
        return new Code(guid, name, codable, color, description[0], children);
    }

    private static List<CodeSet> sets(SecureXml xml) {
        List<CodeSet> sets = new ArrayList<>();
        xml.children(element -> {
            if (!element.equals("Set")) {
                xml.skip();
                return;
            }
            String guid = xml.guid("guid");
            String name = xml.attribute("name");
            String[] description = {null};
            List<String> members = new ArrayList<>();
            xml.children(member -> {
                switch (member) {
                    case "Description" -> description[0] = xml.text();
                    case "MemberCode" -> {
                        members.add(xml.guid("targetGUID") != null ? xml.guid("targetGUID") : xml.guid("guid"));
                        xml.skip();
                    }
                    default -> xml.skip();
                }
            });
            sets.add(new CodeSet(guid, name, description[0], members));
        });
        return sets;
    }

    private static Variable variable(SecureXml xml) {
        String guid = xml.guid("guid");
        String name = xml.attribute("name");
        String typeName = xml.attribute("typeOfVariable");
        VariableType type = VariableType.Text;
        for (VariableType candidate : VariableType.values()) {
            if (candidate.name().equalsIgnoreCase(typeName)) {
                type = candidate;
            }
        }
        String[] description = {null};
        xml.children(element -> {
            if (element.equals("Description")) {
                description[0] = xml.text();
            } else {
                xml.skip();
            }
        });
        return new Variable(guid, name, type, description[0]);
    }

    private static Case caseOf(SecureXml xml) {
        String guid = xml.guid("guid");
        String name = xml.attribute("name");
        String[] description = {null};
        List<VariableValue> values = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        xml.children(element -> {
            switch (element) {
                case "Description" -> description[0] = xml.text();
                case "VariableValue" -> values.add(value(xml));
                case "SourceRef" -> {
                    sources.add(xml.guid("targetGUID"));
                    xml.skip();
                }
                default -> xml.skip();
            }
        });
        return new Case(guid, name, description[0], values, sources);
    }

    private static VariableValue value(SecureXml xml) {
        String[] variable = {null};
        String[] value = {null};
        xml.children(element -> {
            if (element.equals("VariableRef")) {
                variable[0] = xml.guid("targetGUID");
                xml.skip();
            } else if (element.endsWith("Value")) {
                value[0] = xml.text();
            } else {
                xml.skip();
            }
        });
        return new VariableValue(variable[0], value[0]);
    }

    private static Source source(SecureXml xml, SourceKind kind) {
        String guid = xml.guid("guid");
        String name = xml.attribute("name");
        String[] plainTextPath = {xml.attribute("plainTextPath")};
        String creatingUser = xml.guid("creatingUser");
        var created = xml.time("creationDateTime");
        String[] content = {null};
        String[] description = {null};
        List<Selection> selections = new ArrayList<>();
        List<Coding> codings = new ArrayList<>();
        List<VariableValue> values = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        xml.children(element -> {
            switch (element) {
                case "Description" -> description[0] = xml.text();
                case "PlainTextContent" -> content[0] = xml.text();
                case "PlainTextSelection" -> selections.add(selection(xml));
                case "Representation" -> {
                    // a PDF's text rendering: kept with the PDF, whose selections an import reports as skipped with it
                    Source representation = source(xml, SourceKind.TEXT);
                    plainTextPath[0] = plainTextPath[0] == null ? representation.plainTextPath() : plainTextPath[0];
                    selections.addAll(representation.selections());
                }
                case "Coding" -> codings.add(coding(xml));
                case "VariableValue" -> values.add(value(xml));
                case "NoteRef" -> {
                    notes.add(xml.guid("targetGUID"));
                    xml.skip();
                }
                default -> xml.skip();
            }
        });
        return new Source(guid, name, kind, plainTextPath[0], content[0], creatingUser, created, description[0], selections, codings, values,
                notes);
    }

    private static Selection selection(SecureXml xml) {
        String guid = xml.guid("guid");
        String name = xml.attribute("name");
        long start = xml.number("startPosition");
        long end = xml.number("endPosition");
        String creatingUser = xml.guid("creatingUser");
        var created = xml.time("creationDateTime");
        String[] description = {null};
        List<Coding> codings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        xml.children(element -> {
            switch (element) {
                case "Description" -> description[0] = xml.text();
                case "Coding" -> codings.add(coding(xml));
                case "NoteRef" -> {
                    notes.add(xml.guid("targetGUID"));
                    xml.skip();
                }
                default -> xml.skip();
            }
        });
        return new Selection(guid, name, start, end, creatingUser, created, description[0], codings, notes);
    }

    private static Coding coding(SecureXml xml) {
        String guid = xml.guid("guid");
        String creatingUser = xml.guid("creatingUser");
        var created = xml.time("creationDateTime");
        String[] code = {null};
        xml.children(element -> {
            if (element.equals("CodeRef")) {
                code[0] = xml.guid("targetGUID");
            }
            xml.skip();
        });
        return new Coding(guid, code[0], creatingUser, created);
    }

    private static Note note(SecureXml xml) {
        String guid = xml.guid("guid");
        String name = xml.attribute("name");
        String plainTextPath = xml.attribute("plainTextPath");
        String creatingUser = xml.guid("creatingUser");
        var created = xml.time("creationDateTime");
        String[] content = {null};
        xml.children(element -> {
            if (element.equals("PlainTextContent")) {
                content[0] = xml.text();
            } else {
                xml.skip();
            }
        });
        return new Note(guid, name, content[0], plainTextPath, creatingUser, created);
    }
}
