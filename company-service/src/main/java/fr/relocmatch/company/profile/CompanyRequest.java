package fr.relocmatch.company.profile;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to create a profile. Codes are checked against the shipped vocabularies. */
record CompanyRequest(
        @NotNull CompanyKind kind,
        @NotBlank @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String siret,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String nafCode,
        @NotEmpty @Size(max = 50) List<@NotBlank String> processes,
        @NotNull @Valid SiteRequest site,
        @NotBlank @Email String adviserEmail) {

    /** A site given by INSEE commune code or by postal code (resolved only when unambiguous). */
    record SiteRequest(@Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be a 5-character INSEE code") String communeCode,
            @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode) {
    }
}
