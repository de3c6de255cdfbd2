package fr.relocmatch.notification.email;

import fr.relocmatch.notification.adviser.AdviserDirectory;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.List;

/** The part of a match event the e-mails need; other fields are ignored (tolerant reader). */
record MatchNotice(String matchId, long version, String status, String demandId, String demandTitle,
        String buyerName, String demandAdviserEmail, String companyId, String companyName,
        String supplierAdviserEmail, double score, int rank, Double distanceKm, List<Part> explanation,
        String demandRegion, String supplierRegion, String demandClosed) {

    /**
     * One part of the score, as explained by matching-service: its note in English, and what the
     * note says ({@code noteKey}, {@code facts}) to write it in the adviser's language.
     */
    record Part(String name, double value, double weight, String note, String noteKey, Map<String, String> facts) {
    }

    /**
     * Advisers in charge whom the instance of {@code region} e-mails: the demand's if its région owns
     * the demand, the supplier's if it owns the profile (a side without région belongs to every
     * instance: events written before régions existed); once each.
     */
    List<String> recipientsIn(String region) {
        return addresses(ours(demandRegion, region) ? demandAdviserEmail : null,
                ours(supplierRegion, region) ? supplierAdviserEmail : null);
    }

    /** The supplier's adviser, if the instance of {@code region} is the one to e-mail them. */
    List<String> supplierAdviserIn(String region) {
        return addresses(ours(supplierRegion, region) ? supplierAdviserEmail : null);
    }

    /** The given addresses, trimmed and lower-cased, blanks dropped, once each. */
    private static List<String> addresses(String... emails) {
        return Arrays.stream(emails)
                .filter(Objects::nonNull)
                .map(AdviserDirectory::normalise)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static boolean ours(String owner, String region) {
        return owner == null || owner.equals(region);
    }
}
