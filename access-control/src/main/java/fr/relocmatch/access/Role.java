package fr.relocmatch.access;

/** What a caller is, from the token's {@code roles} claim. */
public enum Role {
    /** A CCI adviser of the régions in the token. */
    ADVISER,
    /** Manages the adviser directory, imports and weights of the régions in the token. */
    REGION_ADMIN,
    /** An organisation integrating by REST or Kafka: submits profiles and demands, reads its own. */
    PARTNER,
    /** Reads what the advisers of the régions in the token read; changes nothing. */
    AUDITOR,
    /** A metrics scraper (Prometheus, as a client of the issuer): reads {@code /actuator/prometheus}, nothing else. */
    MONITORING;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
