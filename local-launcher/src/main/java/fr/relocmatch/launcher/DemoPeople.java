package fr.relocmatch.launcher;

import java.util.List;

/**
 * The demo people and partner of the embedded issuer ({@code identity-issuer.yml}), as the launcher
 * shows them; {@code LocalRunIT} logs each one in, so that the list cannot drift from the issuer's.
 */
final class DemoPeople {

    static final String PASSWORD = "demo";
    /** Loads the demo data: adviser and admin of Normandie. */
    static final String LOADER = "referent.normandie";
    /** The demo demand's adviser (grands-comptes@normandie.cci.fr): reads its ranking, decides. */
    static final String DEMAND_ADVISER = "conseiller.normandie";
    /** The demo SMEs' adviser (textile@normandie.cci.fr). */
    static final String SME_ADVISER = "conseiller.textile";

    /** A login and what it may do. */
    record Person(String login, String what) {
    }

    static final List<Person> ALL = List.of(
            new Person(DEMAND_ADVISER, "ADVISER, Normandie (28): the demo demand's adviser"),
            new Person(SME_ADVISER, "ADVISER, Normandie (28): the demo SMEs' adviser"),
            new Person("conseiller.hdf", "ADVISER, Hauts-de-France (32)"),
            new Person("admin.normandie", "REGION_ADMIN, Normandie (28)"),
            new Person("admin.hdf", "REGION_ADMIN, Hauts-de-France (32)"),
            new Person(LOADER, "ADVISER and REGION_ADMIN, Normandie (28)"),
            new Person("referent.hdf", "ADVISER and REGION_ADMIN, Hauts-de-France (32)"),
            new Person("auditeur.normandie", "AUDITOR, Normandie (28)"),
            new Person("partner-demo", "PARTNER /partners/demo (client credentials, secret partner-demo-secret)"));

    private DemoPeople() {
    }
}
