package fr.relocmatch.matching.match;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Cloud Stream consumers of the companies and demands topics (bindings
 * {@code companies-in-0} and {@code demands-in-0}). An exception — an unreadable body included,
 * which is why the functions read bytes — is retried by the binder, then the record goes to the
 * dead-letter topic with the reason in its headers.
 */
@Configuration(proxyBeanMethods = false)
class MatchingFunctions {

    /**
     * Snapshots are read leniently: fields added by a newer producer are ignored and absent
     * flags read as false, so that a partner's older or newer schema does not stop matching.
     */
    @Bean
    SnapshotReader snapshotReader(JsonMapper json) {
        return new SnapshotReader(json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> companies(MatchingEngine engine, CatchUpHealth catchUp, SnapshotReader json) {
        return message -> {
            try {
                engine.onSupplier(json.read(message, CompanyProfileView.class).toSupplier());
            }
            finally {
                // Even a failing record is behind us once the binder dead-letters it.
                catchUp.handled(message);
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> demands(MatchingEngine engine, CatchUpHealth catchUp, SnapshotReader json) {
        return message -> {
            try {
                engine.onDemand(json.read(message, DemandView.class).toDemand());
            }
            finally {
                catchUp.handled(message);
            }
        };
    }

    /** Reads the JSON body of a snapshot record. */
    record SnapshotReader(JsonMapper mapper) {

        <T> T read(Message<byte[]> message, Class<T> type) {
            return mapper.readValue(message.getPayload(), type);
        }
    }
}
