package fr.relocmatch.company.profile;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every malformed profile is answered 400 with RFC 9457 problem details naming the offending
 * field, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relocmatch.relay.interval=PT0.5S", "relocmatch.relay.grace=PT1S"})
@WithSharedInfrastructure
class CompanyBadInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CompanyRepository repository;

    static Stream<Arguments> malformedProfiles() {
        String future = LocalDate.now().plusYears(1).toString();
        return Stream.of(
                bad("kind missing", "kind", r -> r.remove("kind")),
                bad("kind unknown", "kind", r -> r.put("kind", "PIRATE")),
                bad("siret missing", "siret", r -> r.remove("siret")),
                bad("siret too short", "siret", r -> r.put("siret", "123")),
                bad("siret with a letter", "siret", r -> r.put("siret", "7328293200007A")),
                bad("siret failing Luhn", "siret", r -> r.put("siret", "73282932000075")),
                bad("name blank", "name", r -> r.put("name", "  ")),
                bad("name too long", "name", r -> r.put("name", "x".repeat(201))),
                bad("NAF missing", "nafCode", r -> r.remove("nafCode")),
                bad("NAF unknown", "nafCode", r -> r.put("nafCode", "99.99Q")),
                bad("NAF at division level", "nafCode", r -> r.put("nafCode", "13")),
                bad("no process for a supplier", "processes", r -> r.put("processes", List.of())),
                bad("unknown process", "processes[1]", r -> r.put("processes", List.of("WEAVING", "TELEPORTATION"))),
                bad("blank process", "processes[0]", r -> r.put("processes", List.of(""))),
                bad("processes not a list", "processes", r -> r.put("processes", "WEAVING")),
                bad("unknown certification", "certifications[0].code",
                        r -> r.put("certifications", List.of(Map.of("code", "ISO99999", "validUntil", future)))),
                bad("label given as certification", "certifications[0].code",
                        r -> r.put("certifications", List.of(Map.of("code", "OFG", "validUntil", future)))),
                bad("certification without expiry", "certifications[0].validUntil",
                        r -> r.put("certifications", List.of(Map.of("code", "ISO9001")))),
                bad("certification valid from after until", "certifications[0].validFrom",
                        r -> r.put("certifications", List.of(Map.of("code", "ISO9001", "validFrom", "2030-01-01",
                                "validUntil", "2029-01-01")))),
                bad("certification date not a date", "certifications[0].validUntil",
                        r -> r.put("certifications", List.of(Map.of("code", "ISO9001", "validUntil", "2027-13-45")))),
                bad("unknown label", "labels[0]", r -> r.put("labels", List.of("BLUE_RIBBON"))),
                bad("certificate given as a label", "labels[0]", r -> r.put("labels", List.of("OEKO_TEX_100"))),
                bad("unknown sector", "sectors[0]", r -> r.put("sectors", List.of("SPACESHIPS"))),
                bad("negative headcount", "headcount", r -> r.put("headcount", -1)),
                bad("headcount not a number", "headcount", r -> r.put("headcount", "many")),
                bad("unknown headcount band", "headcountBand", r -> {
                    r.remove("headcount");
                    r.put("headcountBand", "99");
                }),
                bad("headcount outside its band", "headcountBand", r -> r.put("headcountBand", "00")),
                bad("capacity zero", "capacity.annualQuantity",
                        r -> r.put("capacity", Map.of("annualQuantity", 0, "unit", "PIECES", "availablePercent", 10))),
                bad("capacity share above 100 %", "capacity.availablePercent",
                        r -> r.put("capacity", Map.of("annualQuantity", 10, "unit", "PIECES", "availablePercent", 150))),
                bad("capacity unit unknown", "capacity.unit",
                        r -> r.put("capacity", Map.of("annualQuantity", 10, "unit", "BARRELS", "availablePercent", 10))),
                bad("capacity unit missing", "capacity.unit",
                        r -> r.put("capacity", Map.of("annualQuantity", 10, "availablePercent", 10))),
                bad("site missing", "site", r -> r.remove("site")),
                bad("site empty", "site", r -> r.put("site", Map.of())),
                bad("site unknown commune", "site", r -> r.put("site", Map.of("communeCode", "99999"))),
                bad("site malformed INSEE code", "site.communeCode", r -> r.put("site", Map.of("communeCode", "7654"))),
                bad("site malformed postal code", "site.postalCode", r -> r.put("site", Map.of("postalCode", "1234"))),
                bad("site ambiguous postal code", "site", r -> r.put("site", Map.of("postalCode", "76160"))),
                bad("site commune not served by postal code", "site",
                        r -> r.put("site", Map.of("communeCode", "76540", "postalCode", "27000"))),
                bad("contact e-mail invalid", "contact.email",
                        r -> r.put("contact", Map.of("name", "Claire", "email", "not-an-email"))),
                bad("contact phone invalid", "contact.phone",
                        r -> r.put("contact", Map.of("name", "Claire", "email", "c@x.fr", "phone", "call me"))),
                bad("contact name missing", "contact.name", r -> r.put("contact", Map.of("email", "c@x.fr"))),
                bad("adviser missing", "adviserEmail", r -> r.remove("adviserEmail")),
                bad("adviser not an e-mail", "adviserEmail", r -> r.put("adviserEmail", "x")),
                bad("consent missing", "matchingConsent", r -> r.remove("matchingConsent")),
                bad("consent not a boolean", "matchingConsent", r -> r.put("matchingConsent", "maybe")),
                bad("status unknown", "status", r -> r.put("status", "DELETED")));
    }

    private static Arguments bad(String name, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, field, change);
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @MethodSource("malformedProfiles")
    void answersProblemDetailsNamingTheFieldAndStoresNothing(String name, String field,
            Consumer<Map<String, Object>> change) {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        change.accept(request);

        JsonApi.Response answer = SharedInfrastructure.get().api(port).postRaw("/api/v1/companies", JSON.writeValueAsString(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.body()).contains(field);
        if (request.get("siret") instanceof String siret) {
            assertThat(repository.findBySiret(siret)).isEmpty();
        }
    }

    /** A newcomer types accents into a query with curl: Tomcat refuses the request line itself. */
    @Test
    void aQueryWithRawAccentsIsRefusedAsProblemDetailsNotTomcatsPage() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/v1/reference/communes?q=évreux HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(body).contains("\"type\":\"https://relocmatch.fr/problems/malformed-request\"")
                    .contains("percent-encoded").doesNotContain("<html").doesNotContain("Tomcat");
        }
        assertThat(JsonApi.onLocalPort(port).get("/api/v1/reference/communes?q=%C3%A9vreux").status()).isEqualTo(200);
    }

    @Test
    void answersMalformedJsonAndAWrongMediaTypeWithoutA500() {
        JsonApi api = SharedInfrastructure.get().api(port);

        JsonApi.Response malformed = api.postRaw("/api/v1/companies", "{\"kind\": \"SME\", \"siret\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");

        JsonApi.Response empty = api.postRaw("/api/v1/companies", "");
        assertThat(empty.status()).isEqualTo(400);

        JsonApi.Response xml = api.send("/api/v1/companies", "POST", "application/xml", "<company/>", null);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.contentType()).startsWith("application/problem+json");

        JsonApi.Response missing = api.post("/api/v1/companies", Map.of("name", "Sans SIRET"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .contains("kind", "siret", "nafCode", "site", "adviserEmail", "matchingConsent");
    }
}
