package fr.relocmatch.demand.relocation;

/** The group behind a demand, as known from the companies topic. */
record Buyer(String companyId, String siret, String name) {
}
