package fr.relocmatch.notification.adviser;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An adviser's entry as sent to the API; the e-mail is in the path. */
record AdviserRequest(@Size(max = 200) String name,
        @Size(max = 18) List<@Pattern(regexp = "\\d{2}", message = "must be a 2-digit région code") String> regions,
        @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
        @NotNull Delivery delivery,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double minScore) {
}
