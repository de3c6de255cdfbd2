package fr.relocmatch.company.profile;

/** Whether a profile takes part in matching. */
public enum CompanyStatus {
    ACTIVE,
    INACTIVE
}
