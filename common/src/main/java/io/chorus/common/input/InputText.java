package io.chorus.common.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What text Chorus accepts anywhere: strict UTF-8 (no overlong or invalid sequences), no C0 controls but tab, LF and CR. */
public final class InputText {

    private InputText() {
    }

    /** The first control character other than tab, LF and CR, or -1. */
    public static int controlCharacterAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    public static String describeControl(CharSequence text) {
        int at = controlCharacterAt(text);
        return "contains the control character U+%04X at position %d; only tab, line feed and carriage return are allowed"
                .formatted((int) text.charAt(at), at);
    }

    /** Decodes strictly: Java's decoder refuses overlong forms (such as C0 AE), surrogates and invalid bytes. */
    public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Percent-decodes a raw URI component into bytes; characters sent unescaped count as their UTF-8. */
    public static byte[] percentDecoded(String raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
