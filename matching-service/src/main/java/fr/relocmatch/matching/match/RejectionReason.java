package fr.relocmatch.matching.match;

import java.util.Arrays;
import java.util.Map;

import fr.relocmatch.api.InvalidInputException;

/**
 * Why an adviser rejected a match, from the short list the contract gives ({@code reasonCode} of
 * MatchDecided and of the match events); the adviser's own words go with it in {@code reason}.
 */
enum RejectionReason {
    CAPACITY,
    CERTIFICATION_OR_QUALITY,
    DISTANCE_OR_LOGISTICS,
    PRICE,
    TECHNOLOGY_NOT_SUITABLE,
    ALREADY_A_SUPPLIER,
    COMPANY_NOT_INTERESTED,
    OTHER;

    /** The codes the console wrote at the start of a reason before the list was in the contract. */
    private static final Map<String, RejectionReason> WRITTEN_BEFORE = Map.of(
            "CAPACITY", CAPACITY, "CERTIFICATION_QUALITY", CERTIFICATION_OR_QUALITY,
            "DISTANCE_LOGISTICS", DISTANCE_OR_LOGISTICS, "PRICE", PRICE, "TECHNOLOGY", TECHNOLOGY_NOT_SUITABLE,
            "ALREADY_SUPPLIER", ALREADY_A_SUPPLIER, "NOT_INTERESTED", COMPANY_NOT_INTERESTED, "OTHER", OTHER);

    /**
     * Collects what is wrong with the reason of a rejection or an abandonment: one from the list
     * when {@code needed} (words too for OTHER), none otherwise.
     *
     * @param what the act, in words, for the messages ("a rejection", "an abandoned match")
     */
    static void check(boolean needed, RejectionReason code, String words, String what,
            InvalidInputException.Collector errors) {
        if (needed && code == null) {
            errors.add("reasonCode", what + " needs a reason, one of " + Arrays.toString(values()));
        }
        if (needed && code == OTHER && words == null) {
            errors.add("reason", "say in words what the other reason is");
        }
        if (!needed && code != null) {
            errors.add("reasonCode", "only " + what + " has a reason code");
        }
    }

    /** The words of a reason, none when blank. */
    static String words(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    /**
     * The reason of a rejection recorded before matches carried a code: the code its words start
     * with ({@code PRICE: trop cher}), else OTHER.
     */
    static RejectionReason ofWords(String reason) {
        if (reason == null) {
            return OTHER;
        }
        return WRITTEN_BEFORE.getOrDefault(reason.split(":", 2)[0].strip(), OTHER);
    }
}
