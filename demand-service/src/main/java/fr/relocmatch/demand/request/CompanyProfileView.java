package fr.relocmatch.demand.request;

/** The part of a CompanyProfileUpdated event demand-service keeps (tolerant reader). */
record CompanyProfileView(String companyId, long version, String kind, String siret, String name, String status) {
}
