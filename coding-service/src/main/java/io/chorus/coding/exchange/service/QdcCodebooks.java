package io.chorus.coding.exchange.service;

import io.chorus.coding.codebook.service.CodebookService;

import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCode;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCodebook;
import io.chorus.coding.codebook.service.CodebookViews.CodeView;
import io.chorus.coding.codebook.service.CodebookViews.PublishedVersion;
import io.chorus.common.problem.ProblemException;
import io.chorus.refi.CodebookWriter;
import io.chorus.refi.Guids;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdaProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * REFI-QDA code books ({@code .qdc}) in and out: a file from MAXQDA, NVivo, ATLAS.ti or Taguette becomes a draft
 * codebook with its hierarchy, descriptions, colours and codable flags, each code keeping the file's GUID as its key so
 * that the tool's codings find it again; a published version is written with the same GUIDs.
 */
@ApplicationScoped
public class QdcCodebooks {

    static final int NAME_LENGTH = 200;
    static final int TEXT_LENGTH = 4000;

    @Inject
    CodebookService codebooks;

    @Transactional
    public Codebook importFile(Path file, String name) {
        QdaProject read;
        try (InputStream in = Files.newInputStream(file)) {
            read = ProjectReader.readCodebook(in, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read.codes().isEmpty()) {
            throw ProblemException.invalid("/codes", "The code book has no codes");
        }
        String tool = read.origin() == null ? "a REFI-QDA tool" : read.origin();
        String codebookName = name != null && !name.isBlank() ? name.strip() : "Codebook from " + tool;
        ImportedCodebook imported = new ImportedCodebook(cut(codebookName, NAME_LENGTH), null, "deductive",
                cut("REFI-QDA code book (.qdc) exported by " + tool, 1000), codes(read.codes(), "/codes"));
        return codebooks.importCodebook(imported, 0, false);
    }

    private static List<ImportedCode> codes(List<QdaProject.Code> codes, String pointer) {
        List<ImportedCode> imported = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            QdaProject.Code code = codes.get(i);
            String at = pointer + "/" + i;
            if (code.name() == null || code.name().isBlank()) {
                throw ProblemException.invalid(at + "/name", "Code " + code.guid() + " has no name");
            }
            if (code.name().length() > NAME_LENGTH) {
                throw ProblemException.invalid(at + "/name", "Code '" + cut(code.name(), 40) + "…' has a name longer than "
                        + NAME_LENGTH + " characters");
            }
            CodeDescriptions.Parts parts = CodeDescriptions.split(code.description());
            for (String part : new String[] {parts.definition(), parts.inclusion(), parts.exclusion(), parts.example()}) {
                if (part != null && part.length() > TEXT_LENGTH) {
                    throw ProblemException.invalid(at + "/description", "The description of code '" + code.name() + "' is longer than "
                            + TEXT_LENGTH + " characters");
                }
            }
            String key = code.guid() != null && code.guid().length() <= 60 ? code.guid() : null;
            imported.add(new ImportedCode(key, code.name().strip(), parts.definition(), parts.inclusion(), parts.exclusion(),
                    parts.example(), colour(code.color()), null, null, code.codable(), codes(code.children(), at + "/children"), null, null));
        }
        return imported;
    }

    /** {@code #RGB} becomes {@code #RRGGBB}; anything that is not a colour is dropped. */
    static String colour(String colour) {
        if (colour == null) {
            return null;
        }
        String c = colour.strip();
        if (c.matches("#[0-9a-fA-F]{3}")) {
            return ("#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3)).toUpperCase(Locale.ROOT);
        }
        return c.matches("#[0-9a-fA-F]{6}") ? c.toUpperCase(Locale.ROOT) : null;
    }

    public String fileName(java.util.UUID id, int number) {
        return codebooks.view(id).body().name() + " v" + number + ".qdc";
    }

    public void export(java.util.UUID id, int number, OutputStream out) {
        PublishedVersion version = codebooks.publishedVersion(id, number);
        CodebookWriter.write(version.codes().stream().map(QdcCodebooks::code).toList(), List.of(), "Chorus", out);
    }

    /** A code's GUID is the one it was imported with, else its Chorus id. */
    static String guid(CodeView code) {
        return code.key() != null && Guids.wellFormed(code.key()) ? Guids.canonical(code.key()) : code.id().toString();
    }

    static QdaProject.Code code(CodeView code) {
        return new QdaProject.Code(guid(code), code.name(), code.codable(), code.colour(),
                CodeDescriptions.join(code.definition(), code.inclusion(), code.exclusion(), code.example()),
                code.children().stream().map(QdcCodebooks::code).toList());
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
