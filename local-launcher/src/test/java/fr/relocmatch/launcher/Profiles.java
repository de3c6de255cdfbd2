package fr.relocmatch.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal company profiles, as a partner or an adviser sends them, for the end-to-end tests. */
final class Profiles {

    private Profiles() {
    }

    static Map<String, Object> company(String kind, String siret, String name, String naf, List<String> processes,
            String commune, String adviser) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("kind", kind);
        company.put("siret", siret);
        company.put("name", name);
        company.put("nafCode", naf);
        company.put("processes", processes);
        company.put("site", Map.of("communeCode", commune));
        company.put("adviserEmail", adviser);
        company.put("matchingConsent", true);
        return company;
    }
}
