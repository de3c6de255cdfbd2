package fr.relocmatch.demand.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Demand requests used by the tests, as a client would send them. */
final class DemandFixtures {

    private DemandFixtures() {
    }

    /** A retail group relocating cotton bath linen to within 80 km of Rouen. */
    static Map<String, Object> bathLinenNearRouen() {
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", "Linge de bain en coton");
        demand.put("description", "Serviettes et draps de bain, 120 000 pièces par an");
        demand.put("buyerName", "Groupe Maison Française");
        demand.put("requiredProcesses", List.of("WEAVING", "HOME_TEXTILES"));
        demand.put("site", Map.of("communeCode", "76540"));
        demand.put("maxDistanceKm", 80);
        demand.put("adviserEmail", "conseiller.grands-comptes@normandie.cci.fr");
        return demand;
    }
}
