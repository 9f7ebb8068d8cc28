package io.chorus.coding.exchange.service;

import io.chorus.coding.codebook.service.CodebookService;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.transcript.repository.CodingSession;
import io.chorus.coding.codebook.repository.PhaseCodebook;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.codebook.service.CodebookCommands.NewCode;
import io.chorus.refi.Guids;
import io.chorus.refi.QdaProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The codes of a file from a desktop tool, in Chorus: one codebook takes them (the round's, else the one the file's
 * known codes are in, else the transcripts' phase's); a code is found by its GUID (a Chorus id, or the GUID it came
 * with, kept as its key), and a code the tool added becomes an inductive code of that codebook's draft, under its
 * parent, keeping its GUID, so that importing the file again finds it.
 */
@ApplicationScoped
@Transactional
public class ToolCodes {

    @Inject
    CodebookService codebooks;

    /**
     * The codebook the file's codings go into: the round's; else the transcripts' phase's; else the one of the Chorus
     * codings the file carries; else the one holding most of the file's codes. Null when nothing says which.
     */
    public UUID codebookFor(QdaProject project, UUID roundId, Collection<ReleasedTranscript> transcripts) {
        if (roundId != null) {
            return CodingRound.<CodingRound>findById(roundId).codebookId;
        }
        for (ReleasedTranscript transcript : transcripts) {
            if (transcript.session == null) {
                continue;
            }
            CodingSession session = CodingSession.findById(new CodingSession.Key(transcript.site, transcript.session));
            PhaseCodebook phase = session == null ? null : PhaseCodebook.findById(new PhaseCodebook.Key(session.study, session.phase));
            if (phase != null) {
                return phase.codebookId;
            }
        }
        for (QdaProject.Source source : project.sources()) {
            for (QdaProject.Selection selection : source.selections()) {
                Coding exported = Coding.findById(Guids.toUuid(selection.guid()));
                if (exported != null) {
                    return Code.<Code>findById(exported.codeId).codebookId;
                }
            }
        }
        Map<UUID, Integer> holding = new HashMap<>();
        for (QdaProject.Code code : project.allCodes()) {
            candidates(code.guid()).stream().map(c -> c.codebookId).distinct().forEach(codebook -> holding.merge(codebook, 1, Integer::sum));
        }
        return holding.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** A code by GUID, in the codebook if one is named. */
    public Code find(String guid, UUID codebookId) {
        return candidates(guid).stream().filter(c -> codebookId == null || codebookId.equals(c.codebookId)).findFirst().orElse(null);
    }

    /** The code with this id, then the live codes imported with it as their GUID. */
    private static List<Code> candidates(String guid) {
        if (guid == null) {
            return List.of();
        }
        List<Code> found = new ArrayList<>();
        Code byId = Code.findById(Guids.toUuid(guid));
        if (byId != null) {
            found.add(byId);
        }
        found.addAll(Code.<Code>list("key = ?1 and retiredIn is null order by id", Guids.canonical(guid)));
        return found;
    }

    /** Adds every code of the file the codebook lacks, as inductive codes by {@code by}; how many were added. */
    public int addMissing(QdaProject project, UUID codebookId, String by) {
        int added = 0;
        for (QdaProject.Code code : project.codes()) {
            added += addMissing(code, null, codebookId, by);
        }
        return added;
    }

    private int addMissing(QdaProject.Code code, UUID parentId, UUID codebookId, String by) {
        Code known = find(code.guid(), codebookId);
        int added = 0;
        if (known == null && code.name() != null && !code.name().isBlank()) {
            CodeDescriptions.Parts parts = CodeDescriptions.split(code.description());
            String key = code.guid() != null && Guids.wellFormed(code.guid()) ? Guids.canonical(code.guid()) : null;
            known = codebooks.addInductive(codebookId, new NewCode(parentId, key, cut(code.name().strip(), QdcCodebooks.NAME_LENGTH),
                    cut(parts.definition()), cut(parts.inclusion()), cut(parts.exclusion()), cut(parts.example()),
                    QdcCodebooks.colour(code.color()), "inductive", null, code.codable()), by);
            added++;
        }
        if (known == null) {
            return added;
        }
        for (QdaProject.Code child : code.children()) {
            added += addMissing(child, known.id, codebookId, by);
        }
        return added;
    }

    private static String cut(String text) {
        return cut(text, QdcCodebooks.TEXT_LENGTH);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
