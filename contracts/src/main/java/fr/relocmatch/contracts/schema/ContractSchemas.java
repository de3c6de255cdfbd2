package fr.relocmatch.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.contracts.schema.FieldViolation;

import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas (draft-07, the dialect AsyncAPI 3 documents take) of every message body on the product's topics, shipped in
 * {@code fr/relocmatch/contracts/schemas/} and referenced by {@code docs/asyncapi.yaml}. Formats
 * ({@code date}, {@code email}, {@code uuid}...) are asserted, not only annotated.
 */
public final class ContractSchemas {

    /** Schema file per CloudEvents type. */
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry(EventTypes.COMPANY_PROFILE_UPDATED, "company-profile-updated"),
            Map.entry(EventTypes.DEMAND_UPDATED, "demand-updated"),
            Map.entry(EventTypes.MATCH_PROPOSED, "match-event"),
            Map.entry(EventTypes.MATCH_UPDATED, "match-event"),
            Map.entry(EventTypes.MATCH_WITHDRAWN, "match-event"),
            Map.entry(EventTypes.MATCH_BUYER_DISCLOSED, "match-event"),
            Map.entry(EventTypes.MATCH_DECIDED, "match-event"),
            Map.entry(EventTypes.MATCH_OUTCOME_RECORDED, "match-event"),
            Map.entry(EventTypes.PROFILE_REMINDER, "profile-reminder"),
            Map.entry(EventTypes.NOTIFICATION_SENT, "notification-outcome"),
            Map.entry(EventTypes.NOTIFICATION_FAILED, "notification-outcome"),
            Map.entry(EventTypes.PARTNER_COMPANY_SUBMITTED, "partner-company-submission"),
            Map.entry(EventTypes.PARTNER_DEMAND_SUBMITTED, "partner-demand-submission"),
            Map.entry(EventTypes.PARTNER_MATCH_OUTCOME_SUBMITTED, "partner-match-outcome-submission"),
            Map.entry(EventTypes.PARTNER_SUBMISSION_ACCEPTED, "partner-outcome"),
            Map.entry(EventTypes.PARTNER_SUBMISSION_REJECTED, "partner-outcome"));

    private static final ContractSchemas SHIPPED = new ContractSchemas();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    public static ContractSchemas shipped() {
        return SHIPPED;
    }

    /**
     * The schema name of a CloudEvents type on the matches topic. The decision and outcome events
     * share their types with the decisions topic, whose bodies {@link #onDecisionsTopic} names.
     */
    public static String schemaOf(String eventType) {
        String name = BY_TYPE.get(eventType);
        if (name == null) {
            throw new IllegalArgumentException("No schema for event type " + eventType);
        }
        return name;
    }

    /**
     * The schema of a body on the decisions topic: the decision itself (match-decided) or the
     * outcome step (match-outcome), where the matches topic carries the match after it.
     */
    public static String onDecisionsTopic(String eventType) {
        if (EventTypes.MATCH_DECIDED.equals(eventType)) {
            return "match-decided";
        }
        if (EventTypes.MATCH_OUTCOME_RECORDED.equals(eventType)) {
            return "match-outcome";
        }
        throw new IllegalArgumentException("No event of type " + eventType + " on the decisions topic");
    }

    /** Every violation of the named schema ({@code match-event}...), each naming its field. */
    public List<FieldViolation> violations(String schemaName, JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        for (Error error : schema(schemaName).validate(body)) {
            violations.add(new FieldViolation(field(error), error.getMessage()));
        }
        violations.sort(Comparator.comparing(FieldViolation::field));
        return violations;
    }

    private Schema schema(String name) {
        return schemas.computeIfAbsent(name, n -> {
            String resource = "fr/relocmatch/contracts/schemas/" + n + ".schema.json";
            try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("No schema " + resource);
                }
                return registry.getSchema(in, InputFormat.JSON);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code $.site.communeCode} → {@code site.communeCode}; a missing property is named itself. */
    private static String field(Error error) {
        StringBuilder path = new StringBuilder();
        var location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            }
            else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            path.append(path.isEmpty() ? "" : ".").append(error.getProperty());
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
