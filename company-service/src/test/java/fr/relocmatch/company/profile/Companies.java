package fr.relocmatch.company.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.testinfra.TestSirets;

/** Profile requests used by the tests, as a client would send them. */
final class Companies {

    private Companies() {
    }

    /** A home-textile SME in Rouen: weaving, cutting and sewing. */
    static Map<String, Object> textileSmeInNormandy() {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("kind", "SME");
        company.put("siret", validSiret());
        company.put("name", "Tissages de Normandie");
        company.put("nafCode", "13.92Z");
        company.put("processes", List.of("WEAVING", "CUT_AND_SEW", "HOME_TEXTILES"));
        company.put("site", Map.of("communeCode", "76540"));
        company.put("adviserEmail", "conseiller.textile@normandie.cci.fr");
        return company;
    }

    /** A fresh SIRET passing the Luhn check, so that tests never collide on the unique index. */
    static String validSiret() {
        return TestSirets.random();
    }
}
