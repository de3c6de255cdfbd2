package fr.relocmatch.testinfra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring test context at the {@link SharedInfrastructure} of this JVM. */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A test that brings its own SMTP peer sets this inlined property and its own {@code spring.mail.*}. */
    public static final String OWN_SMTP = "relocmatch.test.own-smtp";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.get().springProperties());
        if (context.getEnvironment().getProperty(OWN_SMTP, Boolean.class, false)) {
            properties.keySet().removeIf(key -> key.startsWith("spring.mail."));
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("relocmatch-test-infrastructure", properties));
    }
}
