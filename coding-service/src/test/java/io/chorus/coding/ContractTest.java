package io.chorus.coding;

import io.chorus.common.testing.AsyncApiContract;
import io.chorus.common.testing.ContractTests;
import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ContractTest extends ContractTests {

    @Test
    void servesAnAsyncApiDocumentForEveryEventItPublishes() throws Exception {
        AsyncApiContract.assertServedAndComplete("http://localhost:8082", io.chorus.coding.event.CodingEvents.class);
    }
}
