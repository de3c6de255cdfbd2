package fr.relocmatch.matching.match;

import fr.relocmatch.matching.domain.Weights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How matches are chosen.
 *
 * @param topK            candidates kept per demand
 * @param minScore        floor below which a pair is not proposed
 * @param updateThreshold smallest score move that is published as a MatchUpdated
 * @param weights         weights of the score parts
 */
@ConfigurationProperties("relocmatch.matching")
record MatchingProperties(@DefaultValue("10") int topK, @DefaultValue("0.3") double minScore,
        @DefaultValue("0.02") double updateThreshold, Weights weights) {
}
