package io.chorus.transcript;

import io.chorus.common.testing.AsyncApiContract;
import io.chorus.common.testing.ContractTests;
import io.chorus.common.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class ContractTest extends ContractTests {

    @Test
    void servesAnAsyncApiDocumentForEveryEventItPublishes() throws Exception {
        AsyncApiContract.assertServedAndComplete("http://localhost:8081", io.chorus.transcript.event.TranscriptEvents.class);
    }
}
