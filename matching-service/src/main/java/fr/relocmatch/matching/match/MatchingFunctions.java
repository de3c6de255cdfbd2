package fr.relocmatch.matching.match;

import java.util.function.Consumer;

import fr.relocmatch.state.events.InboundRecords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Spring Cloud Stream consumers of the companies and demands topics (bindings
 * {@code companies-in-0} and {@code demands-in-0}). A body that is not JSON or lacks the identity
 * and version (which is why the functions take the raw record) goes to the dead-letter topic at once; any other
 * exception is retried by the binder first. The reason is in the dead letter's headers. A tombstone on the companies topic is
 * a deleted profile.
 */
@Configuration(proxyBeanMethods = false)
class MatchingFunctions {

    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> companies(MatchingEngine engine, RegionOwnership regions, CatchUpHealth catchUp, InboundRecords records) {
        return message -> {
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
            finally {
                // Even a failing record is behind us once the binder dead-letters it.
                catchUp.handled(message);
                if (catchUp.completedNow()) {
                    engine.goLive(); // the start-up load is in: decide rankings against what is stored
                }
            }
        };
    }

    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> demands(MatchingEngine engine, MatchBook book, RegionOwnership regions, CatchUpHealth catchUp,
            InboundRecords records) {
        return message -> {
            try {
                DemandSnapshot demand = records.read(message, DemandSnapshot.class, "demandId", "version", "status");
                if (!regions.ownsDemand(demand.ownerRegion())) {
                    return; // another région's instance matches it
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
