package fr.relocmatch.company.profile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.access.SignedLinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the link of a reminder opens, without a login: the company reads what its profile says and
 * confirms it is still accurate. The signed token names the company (notification-service signs
 * it with the same {@code relocmatch.notification.link-keys}, for this purpose only) and expires
 * after {@code relocmatch.notification.link-lifetime}.
 */
@RestController
@RequestMapping("/api/v1/profile-confirmations")
class ProfileConfirmationController {

    /** What the confirmation links open; notification-service signs with the same purpose. */
    static final String PURPOSE = "confirm-profile";

    private final CompanyProfiles profiles;
    private final SignedLinks links;
    private final AuditTrail audit;

    ProfileConfirmationController(CompanyProfiles profiles, AuditTrail audit,
            @Value("${relocmatch.notification.link-keys:}") List<String> keys,
            @Value("${relocmatch.notification.link-lifetime:P30D}") Duration lifetime, Clock clock) {
        this.profiles = profiles;
        this.audit = audit;
        this.links = new SignedLinks(PURPOSE, keys, lifetime, clock);
    }

    /** What the company confirms: the profile as matching reads it, without the contact person. */
    record Confirmation(String companyId, String name, String siret, String communeName, List<String> processes,
            List<HeldCertification> certifications, Capacity capacity, Instant lastConfirmedAt, Instant linkExpiresAt) {

        static Confirmation of(CompanyDocument company, Instant linkExpiresAt) {
            return new Confirmation(company.getId(), company.getName(), company.getSiret(),
                    company.getSite() == null ? null : company.getSite().communeName(), company.getProcesses(),
                    company.getCertifications(), company.getCapacity(), company.getLastConfirmedAt(), linkExpiresAt);
        }
    }

    @GetMapping
    Confirmation get(@RequestParam String token) {
        SignedLinks.Verdict.Valid valid = valid(token);
        return Confirmation.of(profile(valid.subject()), valid.expires());
    }

    /** One click: the profile is still accurate ({@code lastConfirmedAt} moves, a new version is published). */
    @PostMapping
    Confirmation confirm(@RequestParam String token) {
        SignedLinks.Verdict.Valid valid = valid(token);
        CompanyDocument confirmed = profiles.confirm(profile(valid.subject()).getId(), null);
        audit.recordAs("company " + confirmed.getId(), "link", "CONFIRM", "company", confirmed.getId(), null);
        return Confirmation.of(confirmed, valid.expires());
    }

    private CompanyDocument profile(String id) {
        return profiles.find(id).orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "Profile gone",
                "This profile no longer exists in RelocMatch."));
    }

    private SignedLinks.Verdict.Valid valid(String token) {
        return links.validOrRefuse(token, "confirmation", "ask your CCI adviser for a new one.");
    }

    private static ErrorResponseException refused(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
