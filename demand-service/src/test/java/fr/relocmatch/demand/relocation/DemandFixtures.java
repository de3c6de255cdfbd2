package fr.relocmatch.demand.relocation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.TestSirets;
import fr.relocmatch.testinfra.TopicWriter;

/** Demands and company profiles used by the tests, as clients and company-service would send them. */
final class DemandFixtures {

    private DemandFixtures() {
    }

    /** A retail group relocating cotton bath linen to within 80 km of Rouen. */
    static Map<String, Object> bathLinenNearRouen(String buyerSiret) {
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", "Linge de bain en coton");
        demand.put("description", "Serviettes et draps de bain, 120 000 pièces par an");
        demand.put("buyerSiret", buyerSiret);
        demand.put("product", Map.of("scheme", "CPF", "code", "13.92.12"));
        demand.put("requiredProcesses", List.of("WEAVING", "HOME_TEXTILES"));
        demand.put("preferredProcesses", List.of("DYEING_FINISHING"));
        demand.put("targetNafCodes", List.of("13.92Z", "13.20"));
        demand.put("requiredCertifications", List.of("OEKO_TEX_100"));
        demand.put("annualVolume", Map.of("quantity", 120000, "unit", "PIECES"));
        demand.put("targetUnitPriceEur", 4.5);
        demand.put("startDate", LocalDate.now().plusMonths(3).toString());
        demand.put("location", new LinkedHashMap<>(Map.of("mode", "RADIUS", "communeCode", "76540", "maxDistanceKm", 80)));
        demand.put("adviserEmail", "grands-comptes@normandie.cci.fr");
        return demand;
    }


    /**
     * Publishes a company profile snapshot as company-service does, with a field no version has
     * yet (readers must ignore it); answers its id.
     */
    static String publishCompany(TopicWriter writer, String kind, String siret, String name, String status) {
        String id = UUID.randomUUID().toString();
        String body = """
                {"eventId":"%s","companyId":"%s","version":0,"kind":"%s","siret":"%s","siren":"%s","name":"%s",
                 "nafCode":"47.51Z","processes":[],"site":{"communeCode":"76540","regionCode":"28"},
                 "adviserEmail":"a@cci.fr","status":"%s","aFieldFromTheFuture":true}
                """.formatted(UUID.randomUUID(), id, kind, siret, siret.substring(0, 9), name, status);
        writer.send("relocmatch.companies.v1", id, body, Map.of("ce_type",
                "fr.relocmatch.company.CompanyProfileUpdated.v1", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/tests", "ce_specversion", "1.0"));
        return id;
    }
}
