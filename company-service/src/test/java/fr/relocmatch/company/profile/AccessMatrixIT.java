package fr.relocmatch.company.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.relocmatch.access.SignedLinks;
import fr.relocmatch.testinfra.AccessMatrix;
import fr.relocmatch.testinfra.AccessMatrix.Attempt;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.TestSirets;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README's access table, company-service's rows: every endpoint as every caller, on the real
 * issuer; what each caller sees of a profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The e-mail of the adviser column's person: the profiles below are in their charge. */
    private static final String ADVISER_IN_CHARGE = "grands-comptes@normandie.cci.fr";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private JsonApi admin() {
        return SharedInfrastructure.get().api(port, TestIssuer.ADMIN_28);
    }

    /** A profile of région 28 submitted by the partner of the "own" column, in the adviser column's charge. */
    private String submittedProfile() {
        JsonApi.Response created = SharedInfrastructure.get().api(port, TestIssuer.PARTNER)
                .post("/api/v1/companies", profile());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> profile() {
        Map<String, Object> profile = Companies.textileSmeInNormandy();
        profile.put("adviserEmail", ADVISER_IN_CHARGE);
        return profile;
    }

    private Supplier<Object> stateOf(String id) {
        return () -> admin().get("/api/v1/companies/" + id).body();
    }

    private static String confirmationLink(String companyId) {
        return new SignedLinks("confirm-profile", List.of(SharedInfrastructure.LINK_KEY), Duration.ofDays(30),
                Clock.systemUTC()).sign(companyId);
    }

    private Supplier<Object> count() {
        return () -> admin().get("/api/v1/companies?size=1").json().get("totalElements").asLong();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheReadmeSays() {
        Map<String, Supplier<Attempt>> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /api/v1/companies", () -> Attempt.json("POST", "/api/v1/companies",
                JSON.writeValueAsString(profile()), count()));
        scenarios.put("GET /api/v1/companies/{id}", () -> Attempt.get("/api/v1/companies/" + submittedProfile()));
        scenarios.put("PUT /api/v1/companies/{id}", () -> {
            String id = submittedProfile();
            Map<String, Object> changed = profile();
            changed.put("siret", admin().get("/api/v1/companies/" + id).json().get("siret").asString());
            changed.put("name", "Tissages Renommés");
            return Attempt.json("PUT", "/api/v1/companies/" + id, JSON.writeValueAsString(changed), stateOf(id));
        });
        scenarios.put("PATCH /api/v1/companies/{id}", () -> {
            String id = submittedProfile();
            return new Attempt("PATCH", "/api/v1/companies/" + id, "application/merge-patch+json",
                    "{\"headcount\": 52}", stateOf(id));
        });
        scenarios.put("POST /api/v1/companies/{id}/confirm", () -> {
            String id = submittedProfile();
            return new Attempt("POST", "/api/v1/companies/" + id + "/confirm", null, null, stateOf(id));
        });
        scenarios.put("PUT /api/v1/companies/{id}/not-interested", () -> {
            String id = submittedProfile();
            return Attempt.json("PUT", "/api/v1/companies/" + id + "/not-interested",
                    "{\"kinds\": [{\"process\": \"WEAVING\", \"sector\": \"AUTOMOTIVE\"}]}", stateOf(id));
        });
        scenarios.put("GET /api/v1/profile-confirmations", () -> {
            String id = submittedProfile();
            return Attempt.get("/api/v1/profile-confirmations?token=" + confirmationLink(id));
        });
        scenarios.put("POST /api/v1/profile-confirmations", () -> {
            String id = submittedProfile();
            return new Attempt("POST", "/api/v1/profile-confirmations?token=" + confirmationLink(id), null, null, stateOf(id));
        });
        scenarios.put("DELETE /api/v1/companies/{id}", () -> {
            String id = submittedProfile();
            return new Attempt("DELETE", "/api/v1/companies/" + id, null, null, stateOf(id));
        });
        scenarios.put("POST /api/v1/companies/import", () -> new Attempt("POST", "/api/v1/companies/import", "text/csv",
                "siret,name,naf_code,commune_code,kind,processes,matching_consent\n" + TestSirets.random()
                        + ",Atelier Importé,13.92Z,76540,SME,WEAVING,true\n", count()));
        scenarios.put("GET /api/v1/companies", () -> Attempt.get("/api/v1/companies"));
        scenarios.put("GET /api/v1/reference/naf", () -> Attempt.get("/api/v1/reference/naf?q=tissage"));
        scenarios.put("GET /api/v1/reference/processes", () -> Attempt.get("/api/v1/reference/processes?q=weav"));
        scenarios.put("GET /api/v1/reference/certifications", () -> Attempt.get("/api/v1/reference/certifications"));
        scenarios.put("GET /api/v1/reference/communes", () -> Attempt.get("/api/v1/reference/communes?q=rouen"));
        scenarios.put("GET /api/v1/reference/hs-codes", () -> Attempt.get("/api/v1/reference/hs-codes?q=6302"));

        AccessMatrix.verify(port, "company", AccessMatrix.endpointsOf(context), scenarios);
    }

    @Test
    void theContactIsShownToTheRegionsStaffAndTheSubmitterOnly() {
        String id = submittedProfile();

        for (String whole : new String[] {TestIssuer.ADVISER_28, TestIssuer.ADMIN_28, TestIssuer.AUDITOR_28,
                TestIssuer.PARTNER}) {
            assertThat(as(whole).get("/api/v1/companies/" + id).json().at("/contact/name").asString()).as(whole)
                    .isEqualTo("Claire Martin");
        }
        JsonNode published = as(TestIssuer.ADVISER_32).get("/api/v1/companies/" + id).json();
        assertThat(published.get("name").asString()).isEqualTo("Tissages de Normandie");
        assertThat(published.get("contact").isNull()).isTrue();
        assertThat(as(TestIssuer.ADVISER_32).get("/api/v1/companies?size=200").body()).doesNotContain("Claire Martin");
    }

    @Test
    void anotherAdviserOfTheRegionMayChangeButNotEraseAProfileInSomeoneElsesCharge() {
        String id = submittedProfile();
        JsonApi textile = as(TestIssuer.TEXTILE_ADVISER_28);

        assertThat(textile.patch("/api/v1/companies/" + id, "{\"headcount\": 60}", null).status()).isEqualTo(200);
        JsonApi.Response refused = textile.delete("/api/v1/companies/" + id, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("adviser in charge");
        assertThat(admin().get("/api/v1/companies/" + id).status()).isEqualTo(200);
    }

    @Test
    void theAuditTrailSaysWhoChangedAProfileAndWhenWithoutItsValues() {
        String id = submittedProfile();
        assertThat(as(TestIssuer.ADVISER_28).patch("/api/v1/companies/" + id,
                "{\"contact\": {\"name\": \"Paul Durand\", \"email\": \"p.durand@example.fr\"}}", null).status())
                .isEqualTo(200);
        assertThat(admin().delete("/api/v1/companies/" + id, null).status()).isEqualTo(204);

        JsonApi.Response trail = admin().get("/api/v1/audit?resourceId=" + id);

        assertThat(trail.status()).isEqualTo(200);
        List<JsonNode> entries = trail.json().valueStream().toList();
        assertThat(entries).extracting(e -> e.get("action").asString() + " by " + e.get("actor").asString())
                .containsExactly("ERASE by admin.normandie", "PATCH by conseiller.normandie", "CREATE by /partners/demo");
        assertThat(entries.get(1).get("actorEmail").asString()).isEqualTo(ADVISER_IN_CHARGE);
        assertThat(entries.get(1).get("detail").asString()).contains("contact").doesNotContain("Durand");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("region").asString()).isEqualTo("28");
            assertThat(e.get("at").asString()).isNotBlank();
        });
        assertThat(as(TestIssuer.ADVISER_28).get("/api/v1/audit?resourceId=" + id).status()).isEqualTo(403);
    }

    @Test
    void aForgedOrForeignTokenIsRefusedAsUnauthenticated() {
        String token = SharedInfrastructure.get().issuer().token(TestIssuer.ADMIN_28);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        JsonApi.Response answer = JsonApi.onLocalPort(port).as(forged).get("/api/v1/companies");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://relocmatch.fr/problems/unauthenticated");
    }

    private JsonApi as(String login) {
        return SharedInfrastructure.get().api(port, login);
    }
}
