package fr.relocmatch.matching.match;

import fr.relocmatch.contracts.events.EventTypes;

/** The last change of a match, which names the event that publishes it. */
enum MatchChange {
    PROPOSED(EventTypes.MATCH_PROPOSED),
    UPDATED(EventTypes.MATCH_UPDATED),
    WITHDRAWN(EventTypes.MATCH_WITHDRAWN),
    DECIDED(EventTypes.MATCH_DECIDED),
    BUYER_DISCLOSED(EventTypes.MATCH_BUYER_DISCLOSED),
    OUTCOME_RECORDED(EventTypes.MATCH_OUTCOME_RECORDED);

    private final String eventType;

    MatchChange(String eventType) {
        this.eventType = eventType;
    }

    String eventType() {
        return eventType;
    }
}
