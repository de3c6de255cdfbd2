package fr.relocmatch.demand.relocation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a demand stands. DRAFT → OPEN → IN_DISCUSSION → FULFILLED | CANCELLED, EXPIRED after its
 * validity date; only OPEN and IN_DISCUSSION demands are matched.
 */
enum DemandStatus {
    DRAFT,
    OPEN,
    IN_DISCUSSION,
    FULFILLED,
    CANCELLED,
    EXPIRED;

    /** The statuses a demand in this one may move to. */
    Set<DemandStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN, CANCELLED, EXPIRED);
            case OPEN -> EnumSet.of(IN_DISCUSSION, FULFILLED, CANCELLED, EXPIRED);
            case IN_DISCUSSION -> EnumSet.of(OPEN, FULFILLED, CANCELLED, EXPIRED);
            case FULFILLED, CANCELLED, EXPIRED -> EnumSet.noneOf(DemandStatus.class);
        };
    }

    boolean isFinal() {
        return next().isEmpty();
    }

    /** Whether the demand's content may still be edited. */
    boolean isEditable() {
        return this == DRAFT || this == OPEN;
    }
}
