package fr.relocmatch.demand.request;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a group (or its adviser) sends to publish a relocation demand. */
record DemandRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) String buyerName,
        @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String buyerSiret,
        @NotEmpty @Size(max = 20) List<@NotBlank String> requiredProcesses,
        @NotNull @Valid SiteRequest site,
        @NotNull @Positive @Max(2000) Integer maxDistanceKm,
        @NotBlank @Email String adviserEmail) {

    /** The production site by INSEE commune code, or by a postal code serving a single commune. */
    record SiteRequest(@Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be a 5-character INSEE code") String communeCode,
            @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode) {
    }
}
