package fr.relocmatch.notification.email;

import java.util.List;

/** The part of a match event the e-mails need; other fields are ignored (tolerant reader). */
record MatchNotice(String matchId, long version, String status, String demandId, String demandTitle,
        String buyerName, String demandAdviserEmail, String companyId, String companyName,
        String supplierAdviserEmail, double score, int rank, double distanceKm, List<Part> explanation) {

    /** One part of the score, as explained by matching-service. */
    record Part(String name, double value, double weight, String note) {
    }

    /** Advisers in charge: the demand's and the supplier's, once each. */
    List<String> recipients() {
        return java.util.stream.Stream.of(demandAdviserEmail, supplierAdviserEmail)
                .filter(java.util.Objects::nonNull)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
    }
}
