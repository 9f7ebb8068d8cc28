package io.chorus.coding.transcript.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.crypto.KeyRecord;
import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key topic's records and the sealed text fields, as transcript-service's schemas promise them. */
class DataKeyContractTest {

    final EventSchemas keys = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/data-key.schema.json");
    final EventSchemas released = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json");

    @Test
    void everyKeyRecordThePromisedSchemaAllowsIsReadAsAKeyADestructionOrARoll() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(3, keys.examples().size());
        int live = 0;
        int destroyed = 0;
        int rolls = 0;
        for (String example : keys.examples()) {
            assertEquals(Set.of(), keys.violations(example));
            KeyRecord record = json.readValue(example, KeyRecord.class);
            if (record.keyId() == null) {
                rolls++;
            } else if (record.marksDestruction()) {
                destroyed++;
            } else {
                assertTrue(record.wrapped() != null);
                live++;
            }
        }
        assertEquals(java.util.List.of(1, 1, 1), java.util.List.of(live, destroyed, rolls));
        assertFalse(keys.violations("{\"keyId\":\"t-1\",\"wrapped\":\"AAAA\",\"destroyed\":true}").isEmpty(),
                "a destruction never carries material");
        assertFalse(keys.violations("{\"keyId\":\"a:b\",\"destroyed\":true}").isEmpty(), "a key id has no ':'");
    }

    @Test
    void theProducerPromisesSealedAndWithdrawnTextAsWellAsPlain() {
        boolean sealed = false;
        boolean withdrawn = false;
        for (String example : released.examples()) {
            assertEquals(Set.of(), released.violations(example));
            var paragraphs = io.restassured.path.json.JsonPath.from(example).getList("paragraphs", java.util.Map.class);
            for (var p : paragraphs) {
                sealed |= FieldCipher.isSealed((String) p.get("text"));
                withdrawn |= "[withdrawn]".equals(p.get("english"));
            }
        }
        assertTrue(sealed && withdrawn, "the examples show a sealed text and a withdrawn one");
    }
}
