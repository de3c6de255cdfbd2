package fr.relocmatch.matching.match;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud Stream consumers of the companies and demands topics (bindings
 * {@code companies-in-0} and {@code demands-in-0}). An exception is retried by the binder, then the
 * record goes to the dead-letter topic with the reason in its headers.
 */
@Configuration(proxyBeanMethods = false)
class MatchingFunctions {

    @Bean
    Consumer<CompanyProfileView> companies(MatchingEngine engine) {
        return profile -> engine.onSupplier(profile.toSupplier());
    }

    @Bean
    Consumer<DemandView> demands(MatchingEngine engine) {
        return demand -> engine.onDemand(demand.toDemand());
    }
}
