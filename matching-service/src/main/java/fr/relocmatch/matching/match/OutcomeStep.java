package fr.relocmatch.matching.match;

import java.util.EnumSet;
import java.util.Set;

/**
 * What became of an accepted match: CONTACT_MADE → QUOTE_SENT → AGREEMENT_SIGNED →
 * PRODUCTION_STARTED, one step after the other, or ABANDONED (with a reason) from any step not
 * final. Each step is dated by the adviser who records it.
 */
enum OutcomeStep {
    CONTACT_MADE,
    QUOTE_SENT,
    AGREEMENT_SIGNED,
    PRODUCTION_STARTED,
    ABANDONED;

    /** The steps that may follow {@code last}; {@code null} is the acceptance itself. */
    static Set<OutcomeStep> after(OutcomeStep last) {
        if (last == null) {
            return EnumSet.of(CONTACT_MADE, ABANDONED);
        }
        return switch (last) {
            case CONTACT_MADE -> EnumSet.of(QUOTE_SENT, ABANDONED);
            case QUOTE_SENT -> EnumSet.of(AGREEMENT_SIGNED, ABANDONED);
            case AGREEMENT_SIGNED -> EnumSet.of(PRODUCTION_STARTED, ABANDONED);
            case PRODUCTION_STARTED, ABANDONED -> EnumSet.noneOf(OutcomeStep.class);
        };
    }
}
