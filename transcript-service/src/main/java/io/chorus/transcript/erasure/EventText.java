package io.chorus.transcript.erasure;

import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.participant.service.ParticipantService;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seals a transcript's text for an event: each speaker's turns with that speaker's keys in the transcript (one for the
 * originals, one for the English), the transcript's own text (title, notes on it) with the transcript's key. Text whose key is destroyed goes out as {@link ParticipantService#WITHDRAWN_TEXT}.
 *
 * <p>A withdrawal first marks its subject withdrawn and then destroys the keys; making a key goes the other way, first the
 * key and then a look at the subject, which destroys the new key if the subject is withdrawn. So a key made while a
 * withdrawal runs is destroyed by one side or the other, and the event sealed with it reads as withdrawn.
 */
@ApplicationScoped
public class EventText {

    @Inject
    DataKeyStore keys;

    @Inject
    ParticipantRepository participants;

    @Inject
    TranscriptRepository transcripts;

    /** One event's sealing: keys are looked up once per speaker. */
    public Sealer of(Transcript transcript) {
        return new Sealer(transcript);
    }

    public final class Sealer {

        private final Transcript transcript;
        private final Map<String, Optional<DataKey>> bySpeaker = new HashMap<>();
        private Optional<DataKey> own;

        Sealer(Transcript transcript) {
            this.transcript = transcript;
        }

        /** Text of the transcript that is no speaker's: its title, notes a desktop project kept on it. */
        public String ownText(String text) {
            if (text == null) {
                return null;
            }
            if (own == null) {
                own = checked(keys.key(DataKeyStore.transcriptKeyId(transcript.id()), transcript.id(), transcript.site(), null), null);
            }
            return seal(text, own);
        }

        /** A turn's original, sealed with the speaker's key for originals, which a study's retention end destroys too. */
        public String original(String speaker, String text) {
            return turn(speaker, text, true);
        }

        public String english(String speaker, String text) {
            return turn(speaker, text, false);
        }

        private String turn(String speaker, String text, boolean original) {
            if (text == null) {
                return null;
            }
            Optional<DataKey> key = bySpeaker.computeIfAbsent((original ? "o:" : "e:") + speaker, s -> checked(keys.key(
                    DataKeyStore.speakerKeyId(transcript.id(), speaker, original), transcript.id(), transcript.site(), speaker), speaker));
            return seal(text, key);
        }

        private Optional<DataKey> checked(Optional<DataKey> key, String speaker) {
            if (key.isEmpty()) {
                return key;
            }
            boolean transcriptWithdrawn = transcripts.findById(transcript.id())
                    .map(t -> t.status() == Transcript.Status.WITHDRAWN).orElse(true);
            boolean speakerWithdrawn = speaker != null && participants.find(transcript.site(), speaker)
                    .map(p -> p.consent() == Participant.Consent.WITHDRAWN).orElse(false);
            if (transcriptWithdrawn || speakerWithdrawn) {
                keys.destroy(key.get().id());
                return Optional.empty();
            }
            return key;
        }

        private static String seal(String text, Optional<DataKey> key) {
            return key.map(k -> FieldCipher.seal(text, k)).orElse(ParticipantService.WITHDRAWN_TEXT);
        }
    }
}
