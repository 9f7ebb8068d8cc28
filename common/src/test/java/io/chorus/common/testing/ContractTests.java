package io.chorus.common.testing;

import org.junit.jupiter.api.Test;

/** Each service's ContractTest extends this (with its own Quarkus test resources): its served OpenAPI is the committed one. */
public abstract class ContractTests {

    @Test
    void servesTheCommittedContract() throws Exception {
        ContractDrift.assertServedEqualsCommitted();
    }
}
