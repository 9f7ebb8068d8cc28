package io.chorus.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chorus.common.testing.EventSchemas;
import io.chorus.reporting.event.consumed.CodeChanged;
import io.chorus.reporting.event.consumed.CodingRemoved;
import io.chorus.reporting.event.consumed.ConsensusReached;
import io.chorus.reporting.event.consumed.PassageCoded;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** reporting reads coding-service's events through these views; each field it relies on must be promised. */
class CodingEventsContractTest {

    static EventSchemas schema(String name) {
        return EventSchemas.load("coding-service/src/main/resources/META-INF/resources/events/" + name + ".schema.json");
    }

    @Test
    void passageCoded() {
        EventSchemas schema = schema("passage-coded");
        schema.examplesAs(PassageCoded.class).forEach(coded -> {
            assertNotNull(coded.codingId());
            assertNotNull(coded.codeId());
            assertNotNull(coded.site());
        });
        assertEquals(Set.of(), schema.fieldsNotRequired(PassageCoded.class));
    }

    @Test
    void codingRemoved() {
        EventSchemas schema = schema("coding-removed");
        schema.examplesAs(CodingRemoved.class).forEach(removed -> assertNotNull(removed.codingId()));
        assertEquals(Set.of(), schema.fieldsNotRequired(CodingRemoved.class));
    }

    @Test
    void consensusReached() {
        EventSchemas schema = schema("consensus-reached");
        schema.examplesAs(ConsensusReached.class).forEach(reached -> assertFalse(reached.codings().isEmpty()));
        assertEquals(Set.of(), schema.fieldsNotRequired(ConsensusReached.class));
        Set<String> decidedRequired = new java.util.HashSet<>();
        schema.node().path("properties").path("codings").path("items").path("required").forEach(n -> decidedRequired.add(n.asText()));
        for (var component : ConsensusReached.Decided.class.getRecordComponents()) {
            assertEquals(true, decidedRequired.contains(component.getName()), component.getName() + " must be required");
        }
    }

    @Test
    void codeChangedSaysWhereMergedAndSplitCodingsGo() {
        EventSchemas schema = schema("code-changed");
        schema.examplesAs(CodeChanged.class).forEach(changed -> assertNotNull(changed.change()));
        // into and assignments are present exactly for merges and splits; the rest is always sent
        assertEquals(Set.of("into", "assignments"), schema.fieldsNotRequired(CodeChanged.class));
        assertEquals("uuid", schema.node().path("properties").path("into").path("format").asText());
        assertEquals("object", schema.node().path("properties").path("assignments").path("type").asText());
    }
}
