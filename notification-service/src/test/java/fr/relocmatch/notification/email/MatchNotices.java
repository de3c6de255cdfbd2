package fr.relocmatch.notification.email;

import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.TopicWriter;

/** Publishes match events as matching-service does, for the notification tests. */
final class MatchNotices {

    static final String MATCHES = "relocmatch.matches.v1";

    private MatchNotices() {
    }

    /** A match of a confidential demand: the event carries no buyer name. */
    static void publishConfidential(TopicWriter writer, String matchId, String supplierAdviser) {
        send(writer, "MatchProposed", matchId, 0, supplierAdviser, "grands-comptes@normandie.cci.fr", "null");
    }

    /** The accepted match of a confidential demand, its buyer now named (matching's MatchBuyerDisclosed). */
    static void publishDisclosure(TopicWriter writer, String matchId, long version, String supplierAdviser) {
        send(writer, "MatchBuyerDisclosed", matchId, version, supplierAdviser, "grands-comptes@normandie.cci.fr",
                "\"Groupe Maison Française\"");
    }

    /** A confidential demand's match accepted (matching's MatchDecided): still no buyer name. */
    static void publishConfidentialAcceptance(TopicWriter writer, String matchId, long version, String supplierAdviser) {
        send(writer, "MatchDecided", matchId, version, supplierAdviser, "grands-comptes@normandie.cci.fr", "null");
    }

    static void publish(TopicWriter writer, String type, String matchId, long version, String supplierAdviser,
            String demandAdviser) {
        send(writer, type, matchId, version, supplierAdviser, demandAdviser, "\"Groupe Maison Française\"");
    }

    /** A match of a demand without a delivery site: no distance. */
    static void publishWithoutDistance(TopicWriter writer, String matchId, String supplierAdviser) {
        send(writer, "MatchProposed", matchId, 0, supplierAdviser, "grands-comptes@normandie.cci.fr",
                "\"Groupe Maison Française\"", "null");
    }

    /**
     * The demand of a match ended ({@code how}): matching's MatchWithdrawn of a proposed match, or
     * MatchUpdated of an accepted one, carrying {@code demandClosed}.
     */
    static void publishDemandClosed(TopicWriter writer, String matchId, long version, boolean wasAccepted,
            String how, String supplierAdviser) {
        send(writer, wasAccepted ? "MatchUpdated" : "MatchWithdrawn", wasAccepted ? "ACCEPTED" : "WITHDRAWN", matchId,
                version, supplierAdviser, "grands-comptes@normandie.cci.fr", "\"Groupe Maison Française\"", "18.6",
                ",\"demandClosed\":\"" + how + "\"");
    }

    private static void send(TopicWriter writer, String type, String matchId, long version, String supplierAdviser,
            String demandAdviser, String buyerJson) {
        send(writer, type, matchId, version, supplierAdviser, demandAdviser, buyerJson, "18.6");
    }

    private static void send(TopicWriter writer, String type, String matchId, long version, String supplierAdviser,
            String demandAdviser, String buyerJson, String distanceJson) {
        send(writer, type, switch (type) {
            case "MatchWithdrawn" -> "WITHDRAWN";
            case "MatchBuyerDisclosed", "MatchDecided" -> "ACCEPTED";
            default -> "PROPOSED";
        }, matchId, version, supplierAdviser, demandAdviser, buyerJson, distanceJson, "");
    }

    private static void send(TopicWriter writer, String type, String status, String matchId, long version,
            String supplierAdviser, String demandAdviser, String buyerJson, String distanceJson, String extraJson) {
        String demandId = "demand-" + matchId;
        String body = """
                {"eventId":"%s","matchId":"%s","version":%d,"status":"%s","demandId":"%s","demandVersion":0,
                 "demandTitle":"Linge de bain en coton","buyerName":%s,
                 "demandAdviserEmail":"%s","companyId":"c-1","companyVersion":0,"companyName":"Tissages de Normandie",
                 "supplierAdviserEmail":"%s","score":0.8712,"rank":1,"distanceKm":%s,
                 "explanation":[{"name":"preferredProcesses","value":1.0,"weight":0.15,"note":"offers every preferred process [DYEING_FINISHING]",
                                 "noteKey":"preferredProcesses.all","facts":{"offeredProcesses":"DYEING_FINISHING","lackingProcesses":""}},
                                {"name":"distance","value":0.77,"weight":0.4,"note":"19 km of 80 km allowed",
                                 "noteKey":"distance.radius","facts":{"km":"19","maxKm":"80","region":"28"}}],
                 "aFieldFromTheFuture":true%s}
                """.formatted(UUID.randomUUID(), matchId, version, status,
                demandId, buyerJson, demandAdviser, supplierAdviser, distanceJson, extraJson);
        writer.send(MATCHES, demandId, body, Map.of("ce_id", UUID.randomUUID().toString(), "ce_source", "/tests",
                "ce_type", "fr.relocmatch.matching." + type + ".v1", "ce_specversion", "1.0"));
    }
}
