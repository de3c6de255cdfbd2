package fr.relocmatch.issuer;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The OpenID Connect issuer of the embedded default and of the tests: Spring Authorization Server
 * with the demo people of {@link DemoIdentities}. A région runs its organisation's own issuer
 * instead (Keycloak in docker-compose); the services know only its URI.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoIdentities.class)
public class IdentityIssuerApplication {

    /** Its configuration file, named so that it never mixes with a service's {@code application.yml}. */
    public static final String CONFIG_NAME = "identity-issuer";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The issuer as an application, e.g. to start it inside a test's JVM on another port. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(IdentityIssuerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
