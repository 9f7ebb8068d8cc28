package io.chorus.coding.review.rest;

import io.chorus.coding.review.service.SiteReviewService;
import io.chorus.common.rest.Versions;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** An idempotent PUT answers 201 with Location when it created the resource, 200 when it replaced it. */
public final class Puts {

    private Puts() {
    }

    public static Response answer(SiteReviewService.Put<?> put, String location) {
        return put.created() ? Versions.created(URI.create(location), put.value()) : Versions.ok(put.value());
    }
}
