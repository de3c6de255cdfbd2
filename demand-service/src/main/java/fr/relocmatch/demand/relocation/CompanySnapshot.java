package fr.relocmatch.demand.relocation;

/** The part of a CompanyProfileUpdated event demand-service keeps (tolerant reader). */
record CompanySnapshot(String companyId, long version, String kind, String siret, String name, String status) {
}
