package io.chorus.transcript.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.crypto.KeyRecord;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes data keys and their destruction to the key topic, before any event sealed with them (the outbox relay calls it
 * first). Kafka compacts only segments it has rolled, and rolls the active one only when a record arrives after
 * segment.ms; so for {@link #ROLLING} after a key was destroyed it appends a small roll record every
 * {@code chorus.transcripts.key-roll-interval}, and the record holding the destroyed key's material is compacted away
 * within the time the README states.
 */
@ApplicationScoped
public class KeyRelay {

    /** How long after a destruction roll records keep coming: long enough for two rolls and a cleaner pass. */
    static final Duration ROLLING = Duration.ofSeconds(90);

    @Inject
    DataKeyStore keys;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("data-keys")
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "chorus.transcripts.key-roll-interval", defaultValue = "5s")
    Duration rollInterval;

    @Inject
    io.chorus.common.crypto.EventMasterKey master;

    /**
     * A service without a valid CHORUS_EVENTS_MASTER_KEY does not start: it could publish no transcript. After a rotation
     * (the new key first), the keys the old one wrapped are wrapped again and republished by the next relay pass.
     */
    void checkMasterKey(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent startup) {
        master.get();
        int rewrapped = keys.rewrapWithCurrentMasterKey();
        if (rewrapped > 0) {
            org.jboss.logging.Logger.getLogger(KeyRelay.class).infof("master key rotation: %d data keys wrapped with the current master "
                    + "key; the earlier one may be dropped once they are republished (the next relay pass)", rewrapped);
        }
    }

    private volatile Instant lastDestroyed = Instant.EPOCH;
    private volatile Instant lastRoll = Instant.EPOCH;

    /** @return key records published; a broker failure is thrown, and the events needing the keys wait for the next pass */
    public synchronized int publishPending() {
        int published = 0;
        List<DataKeyStore.Pending> pending;
        do {
            pending = keys.unpublished(100);
            for (DataKeyStore.Pending record : pending) {
                send(record.record());
                keys.published(record);
                if (record.record().marksDestruction()) {
                    lastDestroyed = Instant.now();
                }
                published++;
            }
        } while (pending.size() == 100);
        Instant now = Instant.now();
        if (now.isBefore(lastDestroyed.plus(ROLLING)) && !now.isBefore(lastRoll.plus(rollInterval))) {
            send(KeyRecord.roll(now));
            lastRoll = now;
        }
        return published;
    }

    private void send(KeyRecord record) {
        String value;
        try {
            value = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("key record not serialisable", e);
        }
        emitter.sendMessageAndAwait(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.kafkaKey()).build()));
    }
}
