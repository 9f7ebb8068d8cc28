package io.chorus.common.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A text field of an event sealed with a data key: {@code chorus-enc:v1:<key id>:<base64url of nonce and ciphertext>}. The
 * key's id travels with the value, so a consumer knows which key opens it; it is also the associated data, so a value cannot
 * be passed off as sealed with another key.
 */
public final class FieldCipher {

    public static final String PREFIX = "chorus-enc:v1:";

    private FieldCipher() {
    }

    public static String seal(String plaintext, DataKey key) {
        byte[] sealed = Gcm.seal(key.material(), plaintext.getBytes(StandardCharsets.UTF_8), key.id());
        return PREFIX + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The id of the key a sealed value needs. */
    public static String keyIdOf(String sealed) {
        int end = sealed.indexOf(':', PREFIX.length());
        if (!isSealed(sealed) || end < 0) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return sealed.substring(PREFIX.length(), end);
    }

    public static String open(String sealed, DataKey key) {
        String id = keyIdOf(sealed);
        if (!id.equals(key.id())) {
            throw new IllegalArgumentException("sealed with key " + id + ", not " + key.id());
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length() + id.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealed value's body is not base64url", e);
        }
        return new String(Gcm.open(key.material(), bytes, id), StandardCharsets.UTF_8);
    }
}
