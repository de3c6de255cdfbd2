package fr.relocmatch.demand.request;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud Stream consumers: the companies topic (to know buyers) and the decisions topic (an
 * accepted match puts the demand into discussion). Failures are retried, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class DemandFunctions {

    @Bean
    Consumer<CompanyProfileView> companies(KnownCompanies known) {
        return known::remember;
    }

    @Bean
    Consumer<MatchDecided> decisions(Demands demands) {
        return decision -> {
            if (decision.accepted()) {
                demands.matchAccepted(decision);
            }
        };
    }
}
