package io.chorus.coding.codebook.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCode;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCodebook;
import io.chorus.coding.codebook.service.CodebookViews.Template;
import io.chorus.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The published codebooks bundled with Chorus (src/main/resources/codebooks), importable in one call. */
@ApplicationScoped
public class CodebookTemplates {

    /** How a template is read: how many top levels are grouping-only, and whether code ids are framework references. */
    record Settings(int groupingDepth, boolean frameworkRefFromId) {
    }

    static final Map<String, Settings> TEMPLATES = Map.of(
            "cfir-2009", new Settings(1, true),
            "implementation-influences", new Settings(0, false),
            "mhw-perspectives-themes", new Settings(0, false));

    @Inject
    ObjectMapper json;

    @Inject
    CodebookService codebooks;

    public List<Template> list() {
        return TEMPLATES.keySet().stream().sorted().map(name -> {
            ImportedCodebook file = read(name);
            return new Template(name, file.name(), file.source() != null ? file.source() : file.description(), count(file.codes()));
        }).toList();
    }

    public Codebook importTemplate(String name) {
        Settings settings = TEMPLATES.get(name);
        if (settings == null) {
            throw ProblemException.notFound("Codebook template '" + name + "'");
        }
        return codebooks.importCodebook(read(name), settings.groupingDepth(), settings.frameworkRefFromId());
    }

    private ImportedCodebook read(String name) {
        try (InputStream in = getClass().getResourceAsStream("/codebooks/" + name + ".json")) {
            return json.readValue(in, ImportedCodebook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled codebook " + name + " is unreadable", e);
        }
    }

    private static int count(List<ImportedCode> codes) {
        return codes == null ? 0 : codes.stream().mapToInt(c -> 1 + count(c.children())).sum();
    }
}
