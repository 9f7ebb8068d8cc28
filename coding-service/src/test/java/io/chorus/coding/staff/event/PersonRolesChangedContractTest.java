package io.chorus.coding.staff.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** coding-service learns who may code which site from person-roles-changed; identity must promise every field it reads. */
class PersonRolesChangedContractTest {

    static final EventSchemas SCHEMA = EventSchemas.load("identity/src/main/resources/META-INF/resources/events/person-roles-changed.schema.json");

    @Test
    void theProducersExamplesReadAndEveryFieldIsRequired() {
        for (PersonRolesChanged person : SCHEMA.examplesAs(PersonRolesChanged.class)) {
            assertNotNull(person.username());
            assertNotNull(person.siteRoles());
        }
        assertEquals(Set.of(), SCHEMA.fieldsNotRequired(PersonRolesChanged.class));
    }
}
