package fr.relocmatch.state.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the publication relay.
 *
 * @param interval how often documents saved but not yet acknowledged by Kafka are sent again
 * @param grace    how old such a document must be before the relay takes it over from the
 *                 request that saved it
 */
@ConfigurationProperties("relocmatch.relay")
public record RelayProperties(@DefaultValue("PT5S") Duration interval, @DefaultValue("PT3S") Duration grace) {
}
