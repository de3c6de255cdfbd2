package fr.relocmatch.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How a client reaches a broker: its address and, on a broker that authenticates (SASL
 * SCRAM-SHA-512), each principal's password.
 *
 * @param bootstrapServers the broker's address
 * @param passwords password of each principal; empty for a broker without authentication
 */
public record KafkaClients(String bootstrapServers, Map<String, String> passwords) {

    static final String MECHANISM = "SCRAM-SHA-512";

    public KafkaClients {
        passwords = Map.copyOf(passwords);
    }

    /** A broker that authenticates nobody (the tests' shared broker). */
    static KafkaClients plaintext(String bootstrapServers) {
        return new KafkaClients(bootstrapServers, Map.of());
    }

    boolean authenticates() {
        return !passwords.isEmpty();
    }

    /** Properties of a Java Kafka client (producer, consumer, admin) logged in as this principal. */
    public Map<String, Object> properties(String principal) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.putAll(login(principal));
        return properties;
    }

    /**
     * Spring properties of a service logged in as this principal: Boot's {@code spring.kafka.properties}
     * reach every client the Kafka binder and Spring Kafka create.
     */
    Map<String, String> springProperties(String principal) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.stream.kafka.binder.brokers", bootstrapServers);
        login(principal).forEach((name, value) -> properties.put("spring.kafka.properties." + name, value));
        return properties;
    }

    /**
     * A {@code kcat -F} configuration file (librdkafka property names) for this principal. It logs
     * in with PLAIN: librdkafka before 2.6.1 (Debian 12's kcat has 2.0.2) sends a SCRAM final
     * message Kafka 4 refuses; with a newer librdkafka, {@code sasl.mechanisms=SCRAM-SHA-512} works too.
     */
    String kcatConfig(String principal) {
        return "# kcat -F this file: the Kafka login of " + principal + "\n"
                + "bootstrap.servers=" + bootstrapServers + "\n"
                + "security.protocol=SASL_PLAINTEXT\n"
                + "sasl.mechanisms=PLAIN\n"
                + "sasl.username=" + principal + "\n"
                + "sasl.password=" + password(principal) + "\n";
    }

    private Map<String, String> login(String principal) {
        if (!authenticates()) {
            return Map.of();
        }
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + principal + "\" password=\"" + password(principal) + "\";");
    }

    private String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka principal \"" + principal + "\" in " + passwords.keySet());
        }
        return password;
    }
}
