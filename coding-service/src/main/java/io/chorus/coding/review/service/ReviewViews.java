package io.chorus.coding.review.service;

import io.chorus.coding.review.repository.ConstructRating;
import io.chorus.coding.review.repository.SiteValidation;
import java.time.Instant;
import java.util.UUID;

/** What clients read about a site's review: its construct ratings and its validations of codings and codes. */
public final class ReviewViews {

    private ReviewViews() {
    }

    public record ValidationView(UUID id, String site, UUID codingId, UUID codeId, String status, String comment,
            String validatedBy, Instant validatedAt) {
        public static ValidationView of(SiteValidation v) {
            return v == null ? null : new ValidationView(v.id, v.site, v.codingId, v.codeId, v.status, v.comment,
                    v.validatedBy, v.validatedAt);
        }
    }

    public record RatingView(UUID id, String site, UUID codeId, String phase, String rating, String justification,
            String ratedBy, Instant ratedAt) {
        public static RatingView of(ConstructRating r) {
            return new RatingView(r.id, r.site, r.codeId, r.phase.isEmpty() ? null : r.phase, r.rating, r.justification,
                    r.ratedBy, r.ratedAt);
        }
    }
}
