package io.chorus.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing event text with a subject's data key, wrapping those keys with the master key, and reading them on the consumer's side. */
class FieldCipherTest {

    private static final String WORDS = "Ich habe jeden Tag geweint, bevor ich die Genesungsbegleiterin traf \u2014 \uD83D\uDE22";

    @Test
    void aSealedFieldOpensWithItsKeyOnlyAndShowsNoneOfItsWords() {
        DataKey key = DataKey.generate("participant-ULM-P3");
        String sealed = FieldCipher.seal(WORDS, key);
        assertTrue(FieldCipher.isSealed(sealed));
        assertEquals("participant-ULM-P3", FieldCipher.keyIdOf(sealed));
        assertFalse(sealed.contains("geweint"));
        assertNotEquals(sealed, FieldCipher.seal(WORDS, key), "a fresh nonce every time");
        assertEquals(WORDS, FieldCipher.open(sealed, key));

        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(sealed, DataKey.generate("participant-ULM-P3")));
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(sealed, DataKey.generate("participant-ULM-P4")));
        // the same body passed off as sealed with another key's name, or changed, does not open
        DataKey other = new DataKey("participant-ULM-P4", key.material());
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(sealed.replace("P3:", "P4:"), other));
        // one character of the body changed (in the middle: the last one may carry only unused padding bits)
        int middle = sealed.length() - 20;
        char changed = sealed.charAt(middle) == 'A' ? 'B' : 'A';
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(sealed.substring(0, middle) + changed + sealed.substring(middle + 1), key));
    }

    @Test
    void dataKeysTravelWrappedAndOpenWithTheCurrentOrAnEarlierMasterKey() {
        String old = base64Key((byte) 1);
        String current = base64Key((byte) 2);
        DataKey key = DataKey.generate("transcript-42");
        String wrappedByOld = MasterKey.parse(old).wrap(key);
        assertFalse(wrappedByOld.contains(Base64.getEncoder().encodeToString(key.material())));

        MasterKey rotated = MasterKey.parse(current + "," + old);
        assertEquals(key, rotated.unwrap("transcript-42", wrappedByOld));
        assertEquals(key, rotated.unwrap("transcript-42", rotated.wrap(key)));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.parse(old).unwrap("transcript-42", rotated.wrap(key)));
        assertTrue(!rotated.wrappedWithCurrent("transcript-42", wrappedByOld) && rotated.wrappedWithCurrent("transcript-42", rotated.wrap(key)),
                "a rotation tells the keys still wrapped by the old master key");
        assertThrows(IllegalArgumentException.class, () -> rotated.unwrap("transcript-43", wrappedByOld), "bound to its id");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> MasterKey.parse("")).getMessage().contains("openssl rand"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MasterKey.parse("c2hvcnQ=")).getMessage().contains("5 bytes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MasterKey.parse("not base64!")).getMessage().contains("base64"));
    }

    @Test
    void aConsumerReadsPlainTextAsItCameSealedTextWithItsKeyAndADestroyedKeysTextAsWithdrawn() {
        KeyRing ring = new KeyRing();
        DataKey key = DataKey.generate("participant-BU-P9");
        String sealed = FieldCipher.seal(WORDS, key);
        assertEquals("Karibuni.", ring.open("Karibuni."));
        assertEquals(null, ring.open(null));
        assertThrows(KeyRing.KeyNotYetKnown.class, () -> ring.open(sealed));

        ring.put(key);
        assertEquals(WORDS, ring.open(sealed));
        ring.destroy(key.id());
        assertEquals(KeyRing.WITHDRAWN, ring.open(sealed));
        ring.put(key);
        assertEquals(KeyRing.WITHDRAWN, ring.open(sealed), "a key record replayed after its destruction does not bring it back");
        assertTrue(ring.knows(key.id()));
    }

    private static String base64Key(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
