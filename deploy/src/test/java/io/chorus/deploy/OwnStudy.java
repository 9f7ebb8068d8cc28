package io.chorus.deploy;

import io.chorus.client.transcript.api.SessionsApi;
import io.chorus.client.transcript.api.StudiesApi;
import io.chorus.client.transcript.model.SessionData;
import io.chorus.client.transcript.model.StudyData;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A study registered for one test alone, with one phase, so that what the test reads through the study filter (search,
 * similar passages, reports) is what it made itself, whatever the other end-to-end classes pushed before it.
 */
record OwnStudy(String code, String phase) {

    static final String PHASE = "pre-intervention";

    static OwnStudy register(ChorusClient client, String title) throws Exception {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Api.transcripts(StudiesApi::new, client.userToken("admin")).putStudy(code, new StudyData().title(title).phases(List.of(PHASE)), null);
        return new OwnStudy(code, PHASE);
    }

    /** A focus group of the study at the site, recorded by the site's partner system; returns its external id. */
    String session(ChorusClient client, String site) throws Exception {
        String externalId = code + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.transcripts(SessionsApi::new, client.partnerToken(site)).putSession(site, externalId, new SessionData().study(code).phase(phase)
                .kind(SessionData.KindEnum.FOCUS_GROUP).date(LocalDate.of(2020, 1, 15)).language("en"), null);
        return externalId;
    }
}
