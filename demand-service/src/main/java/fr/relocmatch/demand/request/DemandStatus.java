package fr.relocmatch.demand.request;

/** Where a demand stands; only OPEN and IN_DISCUSSION demands are matched. */
enum DemandStatus {
    DRAFT,
    OPEN,
    IN_DISCUSSION,
    FULFILLED,
    CANCELLED,
    EXPIRED
}
