package fr.relocmatch.launcher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault suite's load: the evaluation set's 30 buyer groups, then its 390 supplier profiles
 * and 30 demands repeated (each copy a company of its own: its own SIRET, name and adviser) up to
 * the asked numbers, as partner submissions for the two inboxes. Deterministic: the same numbers
 * give the same load.
 */
final class FaultLoad {

    /** One partner submission: its inbox, correlation id ({@code ce_id}), body and what the suite checks by. */
    record Submission(String topic, String id, ObjectNode body, String label, String adviser) {
    }

    static final String PROFILES_INBOX = "relocmatch.partner.companies.v1";
    static final String DEMANDS_INBOX = "relocmatch.partner.demands.v1";

    final List<Submission> groups = new ArrayList<>();
    final List<Submission> profiles = new ArrayList<>();
    final List<Submission> demands = new ArrayList<>();

    FaultLoad(EvaluationSet set, int profileCount, int demandCount) {
        LocalDate today = LocalDate.now();
        for (JsonNode demand : set.demands) {
            ObjectNode group = (ObjectNode) demand.get("group").deepCopy();
            groups.add(new Submission(PROFILES_INBOX, "group-" + demand.get("key").asString(), group,
                    group.get("siret").asString(), group.get("adviserEmail").asString()));
        }
        for (int i = 0; i < profileCount; i++) {
            JsonNode base = set.profiles.get(i % set.profiles.size());
            ObjectNode body = (ObjectNode) base.get("body").deepCopy();
            body.put("siret", siret(i));
            body.put("name", body.get("name").asString() + " n" + i);
            String adviser = String.format(Locale.ROOT, "sme-%d@cci.example.fr", i % 8);
            body.put("adviserEmail", adviser);
            for (JsonNode certificate : body.get("certifications")) {
                ((ObjectNode) certificate).put("validUntil",
                        today.plusDays(certificate.get("validUntilInDays").asInt()).toString());
                ((ObjectNode) certificate).remove("validUntilInDays");
            }
            profiles.add(new Submission(PROFILES_INBOX, "profile-" + i, body, body.get("name").asString(), adviser));
        }
        for (int i = 0; i < demandCount; i++) {
            JsonNode base = set.demands.get(i % set.demands.size());
            ObjectNode body = (ObjectNode) base.get("body").deepCopy();
            body.put("title", body.get("title").asString() + " — lot " + i);
            body.put("startDate", today.plusDays(base.get("startInDays").asInt()).toString());
            String adviser = String.format(Locale.ROOT, "demand-%d@cci.example.fr", i % 4);
            body.put("adviserEmail", adviser);
            demands.add(new Submission(DEMANDS_INBOX, "demand-" + i, body, body.get("title").asString(), adviser));
        }
    }

    /** A SIRET of its own for the n-th profile: SIREN 8nnnnnnnn, establishment 00001, Luhn check digit. */
    static String siret(int n) {
        StringBuilder digits = new StringBuilder(String.format(Locale.ROOT, "8%08d0001", n));
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = digits.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
