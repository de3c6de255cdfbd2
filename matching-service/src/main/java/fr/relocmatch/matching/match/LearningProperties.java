package fr.relocmatch.matching.match;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a région's score weights are fitted to its advisers' decisions and followed by its instances.
 *
 * @param minDecisions   acceptances, and rejections, that a fit needs at least (each)
 * @param regularisation the logistic regression's C: smaller holds the coefficients closer to 0
 * @param checkInterval  how often an instance looks for weights a région admin applied on another instance
 */
@ConfigurationProperties("relocmatch.matching.learning")
record LearningProperties(@DefaultValue("10") int minDecisions, @DefaultValue("1.0") double regularisation,
        @DefaultValue("PT5S") Duration checkInterval) {
}
