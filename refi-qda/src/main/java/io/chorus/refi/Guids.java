package io.chorus.refi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * GUIDs as the tools write them: upper- or lower-case, with or without braces, and from some tools not RFC 4122
 * UUIDs at all. Matching is on the canonical form: lower case, no braces.
 */
public final class Guids {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Guids() {
    }

    public static String canonical(String guid) {
        if (guid == null) {
            return null;
        }
        String trimmed = guid.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** True when the GUID has the 8-4-4-4-12 hex shape the schema asks for (its version and variant bits aside). */
    public static boolean wellFormed(String guid) {
        return guid != null && UUID_SHAPE.matcher(canonical(guid)).matches();
    }

    /**
     * The UUID a GUID stands for: itself when it has the UUID shape, otherwise a name-based UUID derived from it,
     * so that the same foreign GUID always maps to the same Chorus id.
     */
    public static UUID toUuid(String guid) {
        String canonical = canonical(guid);
        return UUID_SHAPE.matcher(canonical).matches() ? UUID.fromString(canonical)
                : UUID.nameUUIDFromBytes(("refi-qda:" + canonical).getBytes(StandardCharsets.UTF_8));
    }

    /** How Chorus writes a GUID: upper case, as MAXQDA and ATLAS.ti do, which every tool reads. */
    public static String written(UUID id) {
        return id.toString().toUpperCase(Locale.ROOT);
    }
}
