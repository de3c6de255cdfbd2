package fr.relocmatch.access;

import fr.relocmatch.reference.Regions;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The région an instance serves: {@code relocmatch.region}, the région's INSEE code ({@code 28}
 * for Normandie). Its profiles and demands are registered there, its advisers and admins act for
 * it. A code that is not a région stops the service at start, naming the setting.
 */
@ConfigurationProperties("relocmatch")
public record InstanceRegion(String region) {

    public InstanceRegion {
        if (region == null || Regions.shipped().byCode(region).isEmpty()) {
            throw new IllegalArgumentException("relocmatch.region (RELOCMATCH_REGION) must be the INSEE code of a région, "
                    + "e.g. 28 for Normandie; it is " + (region == null ? "not set" : "'" + region + "'"));
        }
    }

    /** The région's INSEE code. */
    public String code() {
        return region;
    }
}
