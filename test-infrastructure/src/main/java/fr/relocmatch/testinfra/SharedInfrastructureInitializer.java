package fr.relocmatch.testinfra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring test context at the {@link SharedInfrastructure} of this JVM. */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("relocmatch-test-infrastructure", SharedInfrastructure.get().springProperties()));
    }
}
