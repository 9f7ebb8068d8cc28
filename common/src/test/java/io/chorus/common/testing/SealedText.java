package io.chorus.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.crypto.KeyRecord;
import io.chorus.common.crypto.KeyRing;
import io.chorus.common.crypto.MasterKey;
import java.util.Iterator;
import java.util.Map;

/** Reads events as a consumer does: key records go into a ring, and every sealed text of a payload is opened with it. */
public final class SealedText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MasterKey master;
    private final KeyRing ring = new KeyRing();

    public SealedText(MasterKey master) {
        this.master = master;
    }

    /** A record of the key topic, in the order the topic holds them. */
    public SealedText key(String record) {
        try {
            KeyRecord key = JSON.readValue(record, KeyRecord.class);
            if (key.keyId() != null && key.marksDestruction()) {
                ring.destroy(key.keyId());
            } else if (key.keyId() != null) {
                ring.put(master.unwrap(key.keyId(), key.wrapped()));
            }
            return this;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public SealedText keys(Iterable<String> records) {
        records.forEach(this::key);
        return this;
    }

    /** The payload with each sealed string opened (a destroyed key's as {@link KeyRing#WITHDRAWN}). */
    public JsonNode opened(String payload) {
        try {
            return opened(JSON.readTree(payload));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode opened(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(opened(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, opened(array.get(i)));
            }
        } else if (node.isTextual() && FieldCipher.isSealed(node.asText())) {
            return JSON.getNodeFactory().textNode(ring.open(node.asText()));
        }
        return node;
    }
}
