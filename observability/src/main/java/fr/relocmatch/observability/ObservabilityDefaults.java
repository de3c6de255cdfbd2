package fr.relocmatch.observability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code relocmatch-observability.properties} as the last property source of every service:
 * the same metrics, tracing and exposure defaults everywhere, each overridable as any property.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String NAME = "relocmatch-observability";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource("relocmatch-observability.properties")));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
