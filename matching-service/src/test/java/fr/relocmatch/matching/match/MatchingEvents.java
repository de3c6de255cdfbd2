package fr.relocmatch.matching.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.TopicWriter;

/** Publishes company and demand snapshots as company-service and demand-service would. */
final class MatchingEvents {

    static final String COMPANIES = "relocmatch.companies.v1";
    static final String DEMANDS = "relocmatch.demands.v1";
    static final String MATCHES = "relocmatch.matches.v1";

    private final TopicWriter writer;

    MatchingEvents(TopicWriter writer) {
        this.writer = writer;
    }

    /**
     * A profile snapshot as company-service publishes it, plus a field no version has yet: every
     * matching test thereby proves that readers ignore unknown fields (additive evolution).
     */
    void company(String id, long version, String name, List<String> processes, double lat, double lon,
            String extraJson) {
        String body = """
                {"eventId":"%s","companyId":"%s","version":%d,"kind":"SME","siret":"%s",
                 "siren":"401234567","name":"%s","processes":[%s],
                 "site":{"communeCode":"76540","latitude":%s,"longitude":%s,"regionCode":"28"},
                 "adviserEmail":"pme@normandie.cci.fr","status":"ACTIVE","matchingConsent":true,
                 "lastConfirmedAt":"%s","aFieldFromTheFuture":{"added":"in a later minor version"}%s}
                """.formatted(UUID.randomUUID(), id, version, siretOf(id), name, quoted(processes), lat, lon,
                Instant.now(), extraJson);
        writer.send(COMPANIES, id, body, headers("fr.relocmatch.company.CompanyProfileUpdated.v1", "company/" + id));
    }

    /** The SIRET of the profile {@code id}: an establishment of SIREN 401234567, told apart by the id. */
    static String siretOf(String id) {
        return "401234567" + "%05d".formatted(Math.floorMod(id.hashCode(), 100_000));
    }

    void demand(String id, long version, String status, List<String> processes, int maxKm) {
        demand(id, version, status, processes, maxKm, "");
    }

    /** A demand with more fields, e.g. {@code ,"requiredCertifications":["ISO13485"]}. */
    void demand(String id, long version, String status, List<String> processes, int maxKm, String extraJson) {
        String body = """
                {"eventId":"%s","demandId":"%s","version":%d,"title":"Linge de bain en coton",
                 "buyerName":"Groupe Maison Française","requiredProcesses":[%s],
                 "locationMode":"RADIUS","site":{"communeCode":"76540","latitude":49.4435,"longitude":1.10006},"maxDistanceKm":%d,
                 "adviserEmail":"grands-comptes@normandie.cci.fr","status":"%s","aFieldFromTheFuture":[1,2]%s}
                """.formatted(UUID.randomUUID(), id, version, quoted(processes), maxKm, status, extraJson);
        writer.send(DEMANDS, id, body, headers("fr.relocmatch.demand.DemandUpdated.v1", "demand/" + id));
    }

    /** The deletion of a profile: its key and no value. */
    void companyDeleted(String id) {
        writer.send(COMPANIES, id, null, headers("fr.relocmatch.company.CompanyProfileDeleted.v1", "company/" + id));
    }

    void raw(String topic, String key, String body) {
        writer.send(topic, key, body, headers("fr.relocmatch.company.CompanyProfileUpdated.v1", "company/" + key));
    }

    private static Map<String, String> headers(String type, String subject) {
        return Map.of("ce_id", UUID.randomUUID().toString(), "ce_source", "/tests", "ce_type", type,
                "ce_specversion", "1.0", "ce_subject", subject, "contentType", "application/json");
    }

    private static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "\"" + v + "\"").toList());
    }
}
