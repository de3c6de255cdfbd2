package fr.relocmatch.company.profile;

import jakarta.validation.constraints.DecimalMax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import fr.relocmatch.reference.QuantityUnit;
import fr.relocmatch.reference.Sector;

/**
 * What a client sends to create or replace a profile (and what a partial update is merged into).
 * Codes are checked against the shipped vocabularies by {@link CompanyValidator}.
 *
 * @param headcountBand   SIRENE band code, when the exact headcount is not known; derived from it otherwise
 * @param matchingConsent the company agreed to be proposed to buyers (GDPR); without it the profile
 *                        is kept but never matched
 */
record CompanyRequest(
        @NotNull CompanyKind kind,
        @NotBlank @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String siret,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String nafCode,
        @Size(max = 50) List<@NotBlank String> processes,
        @Size(max = 30) List<@NotNull @Valid CertificationRequest> certifications,
        @Size(max = 10) List<@NotNull Sector> sectors,
        @Size(max = 10) List<@NotBlank String> labels,
        @Min(0) @Max(1_000_000) Integer headcount,
        @Pattern(regexp = "00|01|02|03|11|12|21|22|31|32|41|42|51|52|53", message = "must be a SIRENE headcount band code (00, 01, 02, 03, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 53)") String headcountBand,
        @Valid CapacityRequest capacity,
        @NotNull @Valid SiteRequest site,
        @Valid ContactRequest contact,
        @NotBlank @Email String adviserEmail,
        @NotNull Boolean matchingConsent,
        CompanyStatus status) {

    /** A site given by INSEE commune code or by postal code (resolved only when unambiguous). */
    record SiteRequest(@Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be a 5-character INSEE code") String communeCode,
            @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode) {
    }

    /** A certification held, from the shipped table, with its validity. */
    record CertificationRequest(@NotBlank String code, LocalDate validFrom, @NotNull LocalDate validUntil,
            @Size(max = 100) String certificateNumber) {
    }

    /** Annual production capacity and the share of it free for new business, in percent. */
    record CapacityRequest(@NotNull @Positive BigDecimal annualQuantity, @NotNull QuantityUnit unit,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal availablePercent) {
    }

    /** The company's contact person: shown to advisers only, never published on a topic. */
    record ContactRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email String email,
            @Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "must be a phone number, e.g. +33 2 35 00 00 00") String phone) {
    }
}
