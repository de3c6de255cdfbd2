package fr.relocmatch.demand.relocation;

import java.math.BigDecimal;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of demands.
 *
 * @param defaultValidity how long a demand stays valid when it gives no {@code validUntil}
 * @param expiryCron      when the job that expires demands past their validity runs
 * @param defaultMinimumCoveragePercent the least share of the annual volume a supplier's free capacity
 *        must cover, when a demand does not say
 */
@ConfigurationProperties("relocmatch.demands")
record DemandProperties(@DefaultValue("P6M") Period defaultValidity, @DefaultValue("0 15 * * * *") String expiryCron,
        @DefaultValue("5") BigDecimal defaultMinimumCoveragePercent) {
}
