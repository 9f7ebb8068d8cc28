package io.chorus.coding.http;

import io.chorus.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a listing in (createdAt, id) order stopped: opaque to clients, who pass a page's {@code next} back as after=. */
public record ListingCursor(Instant createdAt, UUID id) {

    public static ListingCursor parse(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
            return new ListingCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("after", "after must be the next cursor of an earlier page");
        }
    }

    @Override
    public String toString() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
