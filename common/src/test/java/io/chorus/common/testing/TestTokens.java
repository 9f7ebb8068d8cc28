package io.chorus.common.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;

/** Tokens shaped like the chorus realm's, signed for the WireMock OIDC server of the fast suites. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String subject, List<String> roles, List<String> sites) {
        return Jwt.preferredUserName(subject)
                .subject(subject)
                .issuer("https://server.example.com")
                .audience("chorus-api")
                .claim("realm_access", Map.of("roles", roles))
                .claim("sites", sites)
                .sign();
    }
}
