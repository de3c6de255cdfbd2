package fr.relocmatch.demand.relocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import fr.relocmatch.reference.QuantityUnit;
import fr.relocmatch.reference.Sector;

/**
 * What a group (or its adviser) sends to create or replace a relocation demand. Codes are checked
 * against the shipped vocabularies and the buyer against demand-service's view of the companies
 * topic.
 */
record DemandRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @Size(max = 100) String buyerCompanyId,
        @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String buyerSiret,
        @Valid ProductCode product,
        @NotEmpty @Size(max = 20) List<@NotBlank String> requiredProcesses,
        @Size(max = 20) List<@NotBlank String> preferredProcesses,
        @Size(max = 20) List<@NotBlank String> targetNafCodes,
        @Size(max = 20) List<@NotBlank String> requiredCertifications,
        @NotNull @Valid Volume annualVolume,
        @DecimalMin("0.0") BigDecimal targetUnitPriceEur,
        Sector sector,
        @NotNull LocalDate startDate,
        LocalDate validUntil,
        @NotNull @Valid LocationRequest location,
        @NotBlank @Email String adviserEmail,
        Boolean confidential) {

    /**
     * A product code: CPF rév. 2.1 ({@code 13.92.12}) or HS 6 digits ({@code 630260}).
     */
    record ProductCode(@NotNull ProductScheme scheme, @NotBlank @Size(max = 12) String code) {
    }

    /**
     * Annual quantity to produce.
     *
     * @param minimumCoveragePercent the least share of {@code quantity} a supplier's free capacity must
     *        cover to be proposed (default {@code relocmatch.demands.default-minimum-coverage-percent}, 5)
     */
    record Volume(@NotNull @Positive BigDecimal quantity, @NotNull QuantityUnit unit,
            @DecimalMin("0.0") @DecimalMax("100.0") BigDecimal minimumCoveragePercent) {
    }

    /**
     * Where production may be — a commune and a radius, a set of régions, or nationwide — and
     * where the goods go: the commune is the delivery site in every mode; the radius belongs to
     * RADIUS mode only.
     */
    record LocationRequest(@NotNull LocationMode mode,
            @Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be a 5-character INSEE code") String communeCode,
            @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode,
            @Positive @Max(2000) Integer maxDistanceKm,
            @Size(max = 18) List<@Pattern(regexp = "\\d{2}", message = "must be a 2-digit région code") String> regions) {
    }
}
