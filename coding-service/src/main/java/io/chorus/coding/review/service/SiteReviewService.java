package io.chorus.coding.review.service;

import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.coding.coding.service.CodingService;

import io.chorus.common.security.Caller;
import io.chorus.coding.event.CodingEvents;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.review.repository.ConstructRating;
import io.chorus.coding.review.repository.SiteValidation;
import io.chorus.coding.coding.service.CodingCommands.Rating;
import io.chorus.coding.coding.service.CodingCommands.Validation;
import io.chorus.coding.review.service.ReviewViews.RatingView;
import io.chorus.coding.review.service.ReviewViews.ValidationView;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Versioned;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What is decided per site: CFIR construct ratings, and site leads' validation of codings and codes. */
@ApplicationScoped
@Transactional
public class SiteReviewService {

    /** The result of an idempotent PUT: whether it created the resource. */
    public record Put<T>(Versioned<T> value, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CodingService codings;

    @Inject
    CodingEvents events;

    /** Analysts rate any site; a site lead rates their own. */
    public Put<RatingView> rate(String site, UUID codeId, String phase, Rating command, String ifMatch) {
        if (!caller.seesAllSites()) {
            requireLeadOf(site);
        }
        Code code = Code.<Code>findByIdOptional(codeId).orElseThrow(() -> ProblemException.notFound("Code '" + codeId + "'"));
        String phaseKey = phase == null ? "" : phase;
        ConstructRating rating = ConstructRating.find("site = ?1 and codeId = ?2 and phase = ?3", site, codeId, phaseKey)
                .firstResult();
        boolean created = rating == null;
        if (created) {
            rating = new ConstructRating();
            rating.id = UUID.randomUUID();
            rating.site = site;
            rating.codeId = codeId;
            rating.phase = phaseKey;
        } else {
            Versions.requireMatch(ifMatch, rating.rowVersion);
        }
        rating.rating = command.rating();
        rating.justification = command.justification();
        rating.ratedBy = caller.username();
        rating.ratedAt = Instant.now();
        rating.persist();
        em.flush();
        events.publish(CodingEvents.CONSTRUCT_RATED, "site", site, new CodingEvents.ConstructRated(site, codeId, code.codebookId,
                code.frameworkRef, phase, rating.rating, rating.ratedBy, rating.ratedAt));
        return new Put<>(new Versioned<>(RatingView.of(rating), rating.rowVersion), created);
    }

    public List<RatingView> ratings(String site, String phase) {
        caller.requireSiteFilter(site, CodingStaff.ANYWHERE);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (site != null) {
            where.append(" and site = :site");
            params.put("site", site);
        } else if (!caller.seesAllSites()) {
            where.append(" and site in :sites");
            params.put("sites", caller.sitesWhere(CodingStaff.AT_SITE).isEmpty() ? List.of("-") : caller.sitesWhere(CodingStaff.AT_SITE));
        }
        if (phase != null) {
            where.append(" and phase = :phase");
            params.put("phase", phase);
        }
        return ConstructRating.<ConstructRating>list(where + " order by site, codeId", params).stream()
                .map(RatingView::of).toList();
    }

    public Put<ValidationView> validateCoding(UUID codingId, Validation command, String ifMatch) {
        Coding coding = codings.visible(codingId);
        requireLeadOf(coding.site);
        SiteValidation validation = SiteValidation.find("codingId", codingId).firstResult();
        return save(validation, coding.site, codingId, coding.codeId, command, ifMatch);
    }

    public Put<ValidationView> validateCode(UUID codeId, String site, Validation command, String ifMatch) {
        if (Code.findById(codeId) == null) {
            throw ProblemException.notFound("Code '" + codeId + "'");
        }
        requireLeadOf(site);
        SiteValidation validation = SiteValidation.find("site = ?1 and codeId = ?2 and codingId is null", site, codeId)
                .firstResult();
        return save(validation, site, null, codeId, command, ifMatch);
    }

    public List<ValidationView> validationsOfCode(UUID codeId) {
        return SiteValidation.<SiteValidation>list("codeId = ?1 and codingId is null order by site", codeId).stream()
                .filter(v -> caller.holds(v.site, CodingStaff.ANYWHERE)).map(ValidationView::of).toList();
    }

    private Put<ValidationView> save(SiteValidation validation, String site, UUID codingId, UUID codeId,
            Validation command, String ifMatch) {
        boolean created = validation == null;
        if (created) {
            validation = new SiteValidation();
            validation.id = UUID.randomUUID();
            validation.site = site;
            validation.codingId = codingId;
            validation.codeId = codeId;
        } else {
            Versions.requireMatch(ifMatch, validation.rowVersion);
        }
        validation.status = command.status();
        validation.comment = command.comment();
        validation.validatedBy = caller.username();
        validation.validatedAt = Instant.now();
        validation.persist();
        em.flush();
        return new Put<>(new Versioned<>(ValidationView.of(validation), validation.rowVersion), created);
    }

    private void requireLeadOf(String site) {
        if (!caller.holds(site, Roles.SITE_LEAD)) {
            throw ProblemException.forbidden("Only a site lead of '" + site + "' may do this");
        }
    }
}
