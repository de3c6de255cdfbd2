package fr.relocmatch.demand.relocation;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.partner.PartnerInbox;
import java.util.function.Consumer;

import fr.relocmatch.contracts.events.CloudEventHeaders;
import fr.relocmatch.contracts.events.EventTypes;

import fr.relocmatch.state.events.InboundRecords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Spring Cloud Stream consumers: the companies topic (to know buyers) and the decisions topic (an
 * accepted match puts the demand into discussion). Failures are retried, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class DemandFunctions {

    /** Profile snapshots, and tombstones of deleted profiles (a buyer that no longer exists). */
    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> companies(KnownCompanies known, InboundRecords records) {
        return message -> {
            if (InboundRecords.isTombstone(message)) {
                known.forget(InboundRecords.key(message));
            }
            else {
                known.remember(records.read(message, CompanySnapshot.class, "companyId", "version"));
            }
        };
    }

    /** Demands partners publish on the inbox topic (binding {@code partnerDemands-in-0}). */
    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> partnerDemands(PartnerInbox inbox, Demands demands,
            AuditTrail audit) {
        return message -> inbox.receive(message, "partner-demand-submission", "demand", DemandRequest.class,
                submission -> {
                    String id = demands.submittedByPartner(submission.body(), submission.source(), submission.id());
                    audit.recordAs(submission.source(), "kafka", "CREATE", "demand", id, "message " + submission.id());
                    return id;
                });
    }

    /**
     * Advisers' decisions; a decision body that is not a decision is dead-lettered at once. The
     * outcome steps of accepted matches, on the same topic, are not demand-service's business.
     */
    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> decisions(Demands demands, InboundRecords records) {
        return message -> {
            if (EventTypes.MATCH_OUTCOME_RECORDED.equals(CloudEventHeaders.read(message, "type"))) {
                return;
            }
            MatchDecided decision = records.read(message, MatchDecided.class, "matchId", "demandId", "decision");
            if (decision.accepted()) {
                demands.matchAccepted(decision);
            }
        };
    }
}
