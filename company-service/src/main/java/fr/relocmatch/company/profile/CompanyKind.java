package fr.relocmatch.company.profile;

/** What a company is to RelocMatch: a supplier (SME, mid-cap) or a buyer (large group). */
public enum CompanyKind {
    /** Small or medium enterprise, a supplier. */
    SME,
    /** Mid-cap (entreprise de taille intermédiaire), a supplier. */
    ETI,
    /** Large group, a buyer publishing relocation demands. */
    GROUP
}
