package fr.relocmatch.console.web;

import java.util.HashMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import fr.relocmatch.console.api.Company;
import fr.relocmatch.console.api.Demand;
import fr.relocmatch.console.api.Match;
import fr.relocmatch.console.api.ServiceApis;
import fr.relocmatch.console.security.SignedInPerson;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * An adviser's day: matches waiting for a decision on the demands they follow, what is new since
 * the last visit (kept in a cookie of this browser: the console stores nothing), demands about to
 * expire, and the région's profiles not confirmed for twelve months.
 */
@Controller
class TodayPage {

    static final String LAST_VISIT = "relocmatch-last-visit";
    private static final int EXPIRY_DAYS = 30;
    private static final int REMINDERS = 20;

    private final ServiceApis api;
    private final Clock clock;

    TodayPage(ServiceApis api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/")
    String today(@ModelAttribute("me") SignedInPerson me, @CookieValue(name = LAST_VISIT, required = false) String lastVisit,
            Model model, HttpServletResponse response) {
        Instant now = clock.instant();
        Instant since = parse(lastVisit);
        List<Demand> followed = new ArrayList<>();
        for (String status : List.of("OPEN", "IN_DISCUSSION")) {
            MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
            filters.add("status", status);
            filters.add("region", me.homeRegion());
            filters.add("size", "100");
            followed.addAll(api.demands(filters).content());
        }
        List<Match> waiting = new ArrayList<>();
        List<Match> fresh = new ArrayList<>();
        for (Demand demand : followed) {
            for (Match match : api.matchesOfDemand(demand.id())) {
                if (match.isProposed() && me.email() != null && me.email().equalsIgnoreCase(demand.adviserEmail())) {
                    waiting.add(match);
                }
                if (since != null && match.updatedAt() != null && match.updatedAt().isAfter(since)) {
                    fresh.add(match);
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        model.addAttribute("waiting", waiting);
        model.addAttribute("fresh", fresh);
        model.addAttribute("since", since);
        model.addAttribute("expiring", followed.stream().filter(d -> d.validUntil() != null
                && !d.validUntil().isAfter(today.plusDays(EXPIRY_DAYS))).sorted(Comparator.comparing(Demand::validUntil)).toList());
        model.addAttribute("unconfirmed", unconfirmed(me, now));
        model.addAttribute("certificates", expiringCertificates(followed, me));
        Cookie visit = new Cookie(LAST_VISIT, String.valueOf(now.toEpochMilli()));
        visit.setHttpOnly(true);
        visit.setPath("/");
        visit.setMaxAge((int) Duration.ofDays(365).toSeconds());
        response.addCookie(visit);
        return "today";
    }

    /** The région's profiles confirmed longest ago, if more than twelve months ago (or never). */
    private List<Company> unconfirmed(SignedInPerson me, Instant now) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        filters.add("region", me.homeRegion());
        filters.add("sort", "lastConfirmedAt,asc");
        filters.add("size", "20");
        Instant limit = now.minus(Duration.ofDays(365));
        return api.companies(filters).content().stream()
                .filter(c -> c.lastConfirmedAt() == null || c.lastConfirmedAt().isBefore(limit)).toList();
    }

    /**
     * Suppliers of the région holding a certificate an open demand requires, but valid only until
     * before the demand's production starts: renewed, they would be proposed.
     */
    private List<CertificateReminder> expiringCertificates(List<Demand> followed, SignedInPerson me) {
        List<CertificateReminder> reminders = new ArrayList<>();
        Map<String, List<Company>> holders = new HashMap<>();
        for (Demand demand : followed) {
            for (String code : demand.requiredCertifications() == null ? List.<String>of() : demand.requiredCertifications()) {
                List<Company> holding = holders.computeIfAbsent(code, certificate -> {
                    MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
                    filters.add("certification", certificate);
                    filters.add("region", me.homeRegion());
                    filters.add("size", "50");
                    return api.companies(filters).content();
                });
                for (Company company : holding) {
                    for (Company.Certificate held : company.certifications() == null ? List.<Company.Certificate>of()
                            : company.certifications()) {
                        if (held.code().equalsIgnoreCase(code) && held.validUntil() != null && demand.startDate() != null
                                && held.validUntil().isBefore(demand.startDate()) && reminders.size() < REMINDERS) {
                            reminders.add(new CertificateReminder(company, held.code(), held.validUntil(), demand));
                        }
                    }
                }
            }
        }
        return reminders;
    }

    /** A certificate to renew for a supplier to be proposed for a demand. */
    public record CertificateReminder(Company company, String code, LocalDate validUntil, Demand demand) {
    }

    private static Instant parse(String epochMillis) {
        try {
            return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
