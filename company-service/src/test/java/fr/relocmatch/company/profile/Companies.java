package fr.relocmatch.company.profile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.testinfra.TestSirets;

/** Profile requests used by the tests, as a client would send them. */
final class Companies {

    private Companies() {
    }

    /** A home-textile SME in Rouen: weaving, cutting and sewing; ISO 9001, OFG, 40 % of its capacity free. */
    static Map<String, Object> textileSmeInNormandy() {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("kind", "SME");
        company.put("siret", TestSirets.random());
        company.put("name", "Tissages de Normandie");
        company.put("nafCode", "13.92Z");
        company.put("processes", List.of("WEAVING", "CUT_AND_SEW", "HOME_TEXTILES"));
        company.put("certifications", List.of(Map.of("code", "ISO9001", "validFrom", "2024-01-15",
                "validUntil", LocalDate.now().plusYears(2).toString(), "certificateNumber", "FR-QMS-2024-118")));
        company.put("sectors", List.of("TEXTILE", "CONSUMER_GOODS"));
        company.put("labels", List.of("OFG"));
        company.put("headcount", 48);
        company.put("capacity", Map.of("annualQuantity", 250000, "unit", "PIECES", "availablePercent", 40));
        company.put("site", Map.of("communeCode", "76540"));
        company.put("contact", Map.of("name", "Claire Martin", "email", "c.martin@tissages-normandie.fr",
                "phone", "+33 2 35 00 00 00"));
        company.put("adviserEmail", "conseiller.textile@normandie.cci.fr");
        company.put("matchingConsent", true);
        return company;
    }

}
