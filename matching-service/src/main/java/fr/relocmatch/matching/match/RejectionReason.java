package fr.relocmatch.matching.match;

import java.util.Map;

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
