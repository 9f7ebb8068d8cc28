package io.chorus.deploy.chaos;

import io.chorus.deploy.ChorusClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens as a real client holds them: fetched once and renewed before the 5-minute lifetime ends. While Keycloak is
 * down the last token is used on; it stays valid, since the services check signatures with the keys they cached.
 */
final class Tokens {

    private static final long RENEW_AFTER_NANOS = 4L * 60 * 1_000_000_000;

    private record Held(String token, long fetchedAt) {
    }

    private final ChorusClient client;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    Tokens(ChorusClient client) {
        this.client = client;
    }

    String user(String username) {
        return get("user:" + username, () -> client.userToken(username));
    }

    String partner(String site) {
        return get("partner:" + site, () -> client.partnerToken(site));
    }

    private String get(String who, java.util.function.Supplier<String> fetch) {
        Held current = held.get(who);
        if (current != null && System.nanoTime() - current.fetchedAt() < RENEW_AFTER_NANOS) {
            return current.token();
        }
        try {
            Held fresh = new Held(fetch.get(), System.nanoTime());
            held.put(who, fresh);
            return fresh.token();
        } catch (RuntimeException keycloakAway) {
            if (current == null) {
                throw keycloakAway;
            }
            return current.token();
        }
    }
}
