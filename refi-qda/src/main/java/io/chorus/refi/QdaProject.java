package io.chorus.refi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A QDA-XML 1.0 project (a {@code .qde} inside a {@code .qdpx}), as far as Chorus uses it. GUIDs are in their
 * canonical form ({@link Guids#canonical}); positions are as the file wrote them, in the file's own counting
 * ({@link PositionCounting}).
 */
public record QdaProject(String name, String origin, List<User> users, List<Code> codes, List<CodeSet> sets, List<Variable> variables,
        List<Case> cases, List<Source> sources, List<Note> notes) {

    public record User(String guid, String name, String id) {
    }

    public record Code(String guid, String name, boolean codable, String color, String description, List<Code> children) {

        /** This code and every code below it, parents first. */
        public void walk(Consumer<Code> visitor) {
            visitor.accept(this);
            children.forEach(child -> child.walk(visitor));
        }
    }

    public record CodeSet(String guid, String name, String description, List<String> memberCodes) {
    }

    public enum VariableType {
        Text, Boolean, Integer, Float, Date
    }

    public record Variable(String guid, String name, VariableType type, String description) {
    }

    public record VariableValue(String variableGuid, String value) {
    }

    public record Case(String guid, String name, String description, List<VariableValue> values, List<String> sourceGuids) {
    }

    public enum SourceKind {
        TEXT, PDF, PICTURE, AUDIO, VIDEO
    }

    /**
     * A source. Only a text source carries text: inline ({@code plainTextContent}) or as an archive entry
     * ({@code plainTextPath}); a PDF, picture or media source is kept so that an import can report it as skipped.
     */
    public record Source(String guid, String name, SourceKind kind, String plainTextPath, String plainTextContent, String creatingUser,
            Instant created, String description, List<Selection> selections, List<Coding> codings, List<VariableValue> values,
            List<String> noteRefs) {
    }

    /** A PlainTextSelection: [start, end) in the file's counting. */
    public record Selection(String guid, String name, long start, long end, String creatingUser, Instant created, String description,
            List<Coding> codings, List<String> noteRefs) {
    }

    public record Coding(String guid, String codeGuid, String creatingUser, Instant created) {
    }

    public record Note(String guid, String name, String text, String plainTextPath, String creatingUser, Instant created) {
    }

    public List<Code> allCodes() {
        List<Code> all = new ArrayList<>();
        codes.forEach(code -> code.walk(all::add));
        return all;
    }

    public Optional<User> user(String guid) {
        return users.stream().filter(u -> u.guid().equals(guid)).findFirst();
    }

    public long codedSelections() {
        return sources.stream().flatMap(s -> s.selections().stream()).filter(s -> !s.codings().isEmpty()).count();
    }
}
