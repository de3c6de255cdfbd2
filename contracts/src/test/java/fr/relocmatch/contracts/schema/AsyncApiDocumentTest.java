package fr.relocmatch.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.contracts.schema.FieldViolation;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/asyncapi.yaml} against the code: every example validates against its schema, every
 * schema and every topic the services configure is in the document. (The document itself is
 * validated by the AsyncAPI CLI in {@code .ci/run}.)
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCHEMAS = ROOT.resolve("contracts/src/main/resources/fr/relocmatch/contracts/schemas");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final JsonNode document = YAML.readTree(ROOT.resolve("docs/asyncapi.yaml").toFile());

    @Test
    void everyExampleValidatesAgainstItsSchemaAndItsTypeMapsToThatSchema() {
        int examples = 0;
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> message : document.at("/components/messages").properties()) {
            String ref = message.getValue().at("/payload/$ref").asString(null);
            if (ref == null) {
                continue;
            }
            String schema = Path.of(ref).getFileName().toString().replace(".schema.json", "");
            for (JsonNode example : message.getValue().path("examples")) {
                examples++;
                for (FieldViolation violation : ContractSchemas.shipped().violations(schema, example.get("payload"))) {
                    faults.add(message.getKey() + "/" + example.get("name").asString() + ": " + violation);
                }
                String type = example.at("/headers/ce_type").asString();
                boolean onDecisionsTopic = schema.equals("match-decided") || schema.equals("match-outcome");
                String expected = onDecisionsTopic ? ContractSchemas.onDecisionsTopic(type) : ContractSchemas.schemaOf(type);
                if (!expected.equals(schema)) {
                    faults.add(message.getKey() + ": ce_type " + type + " does not map to " + schema);
                }
            }
        }
        assertThat(faults).isEmpty();
        assertThat(examples).isGreaterThanOrEqualTo(9);
    }

    @Test
    void everyShippedSchemaIsInTheDocument() throws IOException {
        String text = Files.readString(ROOT.resolve("docs/asyncapi.yaml"));
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).isNotEmpty()
                    .allSatisfy(file -> assertThat(text).contains("schemas/" + file));
        }
    }

    @Test
    void everyTopicTheServicesConfigureIsAChannel() {
        Set<String> channels = new TreeSet<>();
        document.get("channels").forEach(channel -> channels.add(channel.get("address").asString()));
        Set<String> configured = new TreeSet<>();
        for (String service : List.of("company-service", "demand-service", "matching-service", "notification-service")) {
            JsonNode yml = YAML.readTree(ROOT.resolve(service + "/src/main/resources/application.yml").toFile());
            yml.findValues("destination").forEach(d -> configured.add(d.asString()));
            yml.findValues("dlq-name").forEach(d -> configured.add(d.asString()));
        }
        configured.add("relocmatch.partner.outcomes.v1"); // written through StreamBridge by name
        assertThat(configured).hasSizeGreaterThanOrEqualTo(10);
        assertThat(channels).containsAll(configured);
    }

    @Test
    void aBrokenBodyIsAnsweredWithEveryOffendingField() {
        JsonNode body = YAML.readTree("""
                kind: FACTORY
                name: Tissages de Normandie
                nafCode: 13.92Z
                site: {communeCode: '76540'}
                adviserEmail: not-an-address
                matchingConsent: "yes"
                certifications: [{code: ISO9001, validUntil: 'next year'}]
                """);

        List<FieldViolation> violations = ContractSchemas.shipped().violations("partner-company-submission", body);

        assertThat(violations).extracting(FieldViolation::field).contains("kind", "siret", "adviserEmail",
                "matchingConsent", "certifications[0].validUntil");
    }

    /** A partner's serializer writes absent optional fields as null (Jackson's default): the REST API takes them so. */
    @Test
    void optionalFieldsGivenAsNullAreAccepted() {
        JsonNode demand = YAML.readTree("""
                title: Housses de siège
                description: null
                buyerCompanyId: null
                buyerSiret: '89760069878919'
                product: null
                requiredProcesses: [WEAVING]
                preferredProcesses: null
                targetNafCodes: null
                requiredCertifications: null
                annualVolume: {quantity: 1000, unit: PIECES, minimumCoveragePercent: null}
                targetUnitPriceEur: null
                sector: null
                startDate: '2027-01-01'
                validUntil: null
                location: {mode: RADIUS, communeCode: '76540', postalCode: null, maxDistanceKm: 150, regions: null}
                adviserEmail: textile@normandie.cci.fr
                confidential: null
                """);
        JsonNode company = YAML.readTree("""
                kind: SME
                siret: '32540829064150'
                name: Tissages de Normandie
                nafCode: 13.92Z
                processes: null
                certifications: null
                sectors: null
                labels: null
                headcount: null
                capacity: null
                site: {communeCode: '76540', postalCode: null}
                contact: null
                adviserEmail: textile@normandie.cci.fr
                matchingConsent: true
                status: null
                """);

        assertThat(ContractSchemas.shipped().violations("partner-demand-submission", demand)).isEmpty();
        assertThat(ContractSchemas.shipped().violations("partner-company-submission", company)).isEmpty();
    }
}
