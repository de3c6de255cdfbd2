package fr.relocmatch.matching.match;

import java.util.function.Consumer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.relocmatch.observability.TraceIds;
import fr.relocmatch.partner.PartnerInbox;
import fr.relocmatch.state.events.InboundRecords;
import fr.relocmatch.state.events.UnreadableRecordException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Spring Cloud Stream consumers of the companies and demands topics (bindings
 * {@code companies-in-0}, in batches, and {@code demands-in-0}). A body that is not JSON or lacks
 * the identity and version (which is why the functions take the raw record) goes to the dead-letter
 * topic at once; on the demands topic any other exception is retried by the binder first. The reason
 * is in the dead letter's headers. A tombstone on the companies topic is a deleted profile.
 */
@Configuration(proxyBeanMethods = false)
class MatchingFunctions {

    private static final Logger log = LoggerFactory.getLogger(MatchingFunctions.class);

    /**
     * The companies topic in batches (as many records as a poll returns): at start every profile is
     * read again, and a record at a time the framework's work per record (the invocation, the
     * message, its observation) cost more than indexing it. Each record is still handled on its
     * own, in the trace of the change that produced it; an unreadable one goes to the dead-letter
     * topic at once ({@link DeadLetters}) and the batch goes on. Only an unacknowledged dead letter
     * stops the batch, which is then read again (indexing a version twice changes nothing).
     */
    @Bean
    // the bodies as received (use-native-decoding): Spring Cloud Function converts nothing
    Consumer<Message<List<Object>>> companies(MatchingEngine engine, RegionOwnership regions, CatchUpHealth catchUp,
            InboundRecords records, DeadLetters deadLetters, ObjectProvider<TraceIds> tracing) {
        TraceIds traces = tracing.getIfAvailable(() -> TraceIds.NONE);
        return batch -> {
            for (Message<Object> message : InboundRecords.records(batch)) {
                Object traceParent = message.getHeaders().get("traceparent");
                traces.within(traceParent instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : traceParent == null ? null : traceParent.toString(), "index profile", () -> {
                    company(message, engine, regions, records, deadLetters);
                    return null;
                });
                catchUp.handled(message);
                if (catchUp.completedNow()) {
                    engine.goLive(); // the start-up load is in: decide rankings against what is stored
                }
            }
        };
    }

    /**
     * A companies batch that failed (only an unacknowledged dead letter makes it fail) is read again
     * every second until it goes through: the binder's own handling of a failed batch would
     * dead-letter every record of it.
     */
    @Bean
    // typed as the Kafka binder asks for it
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> companiesBatchRetried() {
        return (container, destination, group) -> {
            if ("relocmatch.companies.v1".equals(destination)) {
                container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
            }
        };
    }

    private static void company(Message<Object> message, MatchingEngine engine, RegionOwnership regions,
            InboundRecords records, DeadLetters deadLetters) {
        try {
            if (InboundRecords.isTombstone(message)) {
                engine.onSupplierDeleted(InboundRecords.key(message));
                regions.supplierDeleted(InboundRecords.key(message));
            }
            else {
                CompanySnapshot profile = records.read(message, CompanySnapshot.class, "companyId", "version");
                regions.supplier(profile.companyId(), profile.ownerRegion());
                engine.onSupplier(profile.toSupplier());
            }
        }
        catch (UnreadableRecordException unreadable) {
            deadLetters.send(message, unreadable);
        }
        catch (RuntimeException rankingFailed) {
            // the profile is in the index; the demands it touches stay pending and are ranked again
            // by the engine's retry (MongoDB unreachable, a lost optimistic lock)
            log.warn("Profile taken in, re-ranking left pending: {}", rankingFailed.toString());
        }
    }

    /**
     * Outcome steps partners record on the accepted matches of the demands they submitted (binding
     * {@code partnerMatchOutcomes-in-0}); each gets an outcome event, a rejected one is also copied
     * to the inbox's dead-letter topic ({@link PartnerInbox}).
     */
    @Bean
    // the body as received (the inbox checks it against its schema): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> partnerMatchOutcomes(PartnerInbox inbox, PartnerOutcomes outcomes) {
        return message -> inbox.receive(message, "partner-match-outcome-submission", "match", PartnerOutcomeRequest.class,
                submission -> outcomes.record(submission.body(), submission.source(), submission.id()));
    }

    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> demands(MatchingEngine engine, MatchBook book, RegionOwnership regions, CatchUpHealth catchUp,
            InboundRecords records, ProgrammeFigures programme) {
        return message -> {
            try {
                DemandSnapshot demand = records.read(message, DemandSnapshot.class, "demandId", "version", "status");
                if (!regions.ownsDemand(demand.ownerRegion())) {
                    return; // another région's instance matches it
                }
                programme.demand(demand, regions.own());
                if (DemandSnapshot.ENDED.contains(demand.status())) {
                    book.demandClosed(demand.demandId(), demand.status()); // before the ranking withdraws its proposals
                }
                engine.onDemand(demand.toDemand(), InboundRecords.partition(message));
                if (demand.disclosures() != null) {
                    demand.disclosures().forEach(d -> book.discloseBuyer(d.matchId(), d.companyId(), d.buyerName()));
                }
            }
            finally {
                catchUp.handled(message).ifPresent(engine::demandPartitionCaughtUp);
                if (catchUp.completedNow()) {
                    engine.goLive();
                }
            }
        };
    }
}
