package fr.relocmatch.launcher;

import jakarta.mail.MessagingException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.MailText;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.TestSirets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * Two régions on one Kafka cluster: the Normandie instance (28, the four services of the other
 * end-to-end tests) and a Hauts-de-France instance (32: company, matching and notification
 * services, their own MongoDB databases). A Normandy demand that allows both régions is matched
 * by the Normandie instance with a Hauts-de-France SME, and each région e-mails its own adviser,
 * once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoRegionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String NORMANDY_ADVISER = "grands-comptes@normandie.cci.fr";
    private static final String HDF_ADVISER = "plasturgie@hautsdefrance.cci.fr";

    private SharedInfrastructure infrastructure;
    private Services normandie;
    private Services hautsDeFrance;

    @BeforeAll
    void startBothRegions() {
        infrastructure = SharedInfrastructure.get();
        normandie = RunningServices.get();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("company-service", "matching-service", "notification-service")) {
            ports.put(name, RunningServices.freePort());
        }
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        hautsDeFrance = Services.start(projectRoot, ports, RunningServices.kafka(),
                infrastructure.mongoUri(), infrastructure.smtpPort(), Callers.access(),
                projectRoot.resolve("local-launcher/target/e2e-logs/region-32"), Duration.ofMinutes(3),
                name -> Map.of("relocmatch.region", "32",
                        "spring.mongodb.database", "relocmatch-" + name.replace("-service", "") + "-32"));
    }

    @AfterAll
    void stopHautsDeFrance() {
        if (hautsDeFrance != null) {
            hautsDeFrance.close();
        }
    }

    @Test
    void aNormandyDemandMatchedWithAHautsDeFranceSmeEmailsEachRegionsAdviserOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String groupSiret = TestSirets.random();
        assertThat(Callers.api(normandie.baseUrl("company-service"), TestIssuer.REFERENT).post("/api/v1/companies",
                Profiles.company("GROUP", groupSiret, "Groupe Normand " + suffix, "46.49Z", List.of(), "76540", NORMANDY_ADVISER))
                .status()).isEqualTo(201);
        JsonApi.Response sme = Callers.api(hautsDeFrance.baseUrl("company-service"), "referent.hdf").post("/api/v1/companies",
                Profiles.company("SME", TestSirets.random(), "Plasturgie des Hauts " + suffix, "22.29A",
                        List.of("INJECTION_MOULDING"), "80021", HDF_ADVISER));
        assertThat(sme.status()).as(sme.body()).isEqualTo(201);
        String smeId = sme.json().get("id").asString();

        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", "Boîtiers injectés " + suffix);
        demand.put("buyerSiret", groupSiret);
        demand.put("requiredProcesses", List.of("INJECTION_MOULDING"));
        demand.put("annualVolume", Map.of("quantity", 50000, "unit", "PIECES"));
        demand.put("startDate", LocalDate.now().plusMonths(3).toString());
        demand.put("location", Map.of("mode", "REGIONS", "regions", List.of("28", "32")));
        demand.put("adviserEmail", NORMANDY_ADVISER);
        String demandUrl = normandie.baseUrl("demand-service");
        String demandId = DemoData.json(DemoData.createDemand(demandUrl, demand, Callers.token(TestIssuer.REFERENT)).body()).get("id").asString();
        assertThat(Callers.api(demandUrl, TestIssuer.REFERENT).post("/api/v1/demands/" + demandId + "/open", Map.of()).status()).isEqualTo(200);

        JsonNode match = await().atMost(TIMEOUT).until(() -> Callers.api(normandie.baseUrl("matching-service"), TestIssuer.REFERENT)
                .get("/api/v1/matches?demandId=" + demandId).json().valueStream()
                .filter(m -> smeId.equals(m.get("companyId").asString())).findFirst(), Optional::isPresent)
                .orElseThrow();
        String matchId = match.get("id").asString();

        List<MimeMessage> emails = await().atMost(TIMEOUT).until(() -> emailsAbout(matchId), list -> list.size() >= 2);
        assertThat(emails).extracting(TwoRegionsIT::recipient).containsExactlyInAnyOrder(NORMANDY_ADVISER, HDF_ADVISER);
        // each instance recorded (and sent) only its own adviser's e-mail
        // each région's admin reads the deliveries of their own instance
        assertThat(recipientsRecordedBy(normandie, TestIssuer.REFERENT, matchId)).containsExactly(NORMANDY_ADVISER);
        assertThat(recipientsRecordedBy(hautsDeFrance, "referent.hdf", matchId)).containsExactly(HDF_ADVISER);
        // the demand is Normandy's: the Hauts-de-France instance did not match it as well
        assertThat(Callers.api(hautsDeFrance.baseUrl("matching-service"), "referent.hdf").get("/api/v1/matches?demandId=" + demandId)
                .json().size()).isZero();
        assertThat(emailsAbout(matchId)).hasSize(2);
    }

    private static List<String> recipientsRecordedBy(Services instance, String admin, String matchId) {
        return Callers.api(instance.baseUrl("notification-service"), admin).get("/api/v1/notifications?matchId=" + matchId)
                .json().valueStream().map(n -> n.get("recipient").asString()).toList();
    }

    private List<MimeMessage> emailsAbout(String matchId) {
        return Arrays.stream(infrastructure.smtp().getReceivedMessages()).filter(m -> MailText.plain(m).contains(matchId))
                .toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
