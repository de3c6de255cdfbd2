package fr.relocmatch.testinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.contracts.schema.FieldViolation;
import fr.relocmatch.contracts.schema.ContractSchemas;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checks records the services produced against the published contract: CloudEvents binary-mode
 * headers, and the body against the JSON Schema of its type ({@code docs/asyncapi.yaml}).
 */
public final class ContractAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REQUIRED_HEADERS = List.of("ce_id", "ce_source", "ce_type", "ce_specversion");

    private ContractAssertions() {
    }

    /** Fails naming every record, header and field that breaks the contract; answers how many were checked. */
    public static int assertConform(List<ConsumerRecord<String, String>> records) {
        List<String> faults = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            faults.addAll(faults(record));
        }
        if (!faults.isEmpty()) {
            throw new AssertionError(faults.size() + " contract violation(s):\n  " + String.join("\n  ", faults));
        }
        if (records.isEmpty()) {
            throw new AssertionError("no record to check");
        }
        return records.size();
    }

    private static List<String> faults(ConsumerRecord<String, String> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Map<String, String> headers = TopicProbe.headers(record);
        List<String> faults = new ArrayList<>();
        for (String header : REQUIRED_HEADERS) {
            if (headers.get(header) == null || headers.get(header).isBlank()) {
                faults.add(where + ": no " + header + " header");
            }
        }
        String type = headers.get("ce_type");
        if (type == null) {
            return faults;
        }
        if (!"1.0".equals(headers.get("ce_specversion"))) {
            faults.add(where + ": ce_specversion " + headers.get("ce_specversion"));
        }
        if (record.value() == null) {
            if (!EventTypes.COMPANY_PROFILE_DELETED.equals(type)) {
                faults.add(where + ": tombstone of type " + type);
            }
            return faults;
        }
        if (record.key() == null) {
            faults.add(where + ": no key");
        }
        // The decision and outcome events are the match after them on the matches topic, the decision
        // or the step itself on the decisions topic.
        String schema = record.topic().startsWith("relocmatch.decisions") ? ContractSchemas.onDecisionsTopic(type)
                : ContractSchemas.schemaOf(type);
        for (FieldViolation violation : ContractSchemas.shipped().violations(schema, JSON.readTree(record.value()))) {
            faults.add(where + " (" + type + "): " + violation.field() + " " + violation.message());
        }
        return faults;
    }
}
