package fr.relocmatch.console.web;

import java.util.function.Consumer;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.Demand;
import fr.relocmatch.console.api.Match;
import fr.relocmatch.console.api.Results;
import fr.relocmatch.console.api.ServiceApis;
import fr.relocmatch.console.security.SignedInPerson;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A région admin's view of the programme: the région's advisers, and month by month over the last
 * six months the demands opened, the matches proposed, accepted and rejected (with the reasons
 * advisers gave), read from the services with the admin's token.
 */
@Controller
class ProgrammePage {

    static final int MONTHS = 6;
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final int PAGE = 200;

    private final ServiceApis api;
    private final Clock clock;

    ProgrammePage(ServiceApis api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/programme")
    String programme(@ModelAttribute("me") SignedInPerson me, Model model) {
        if (!me.isRegionAdmin()) {
            throw new ApiProblem(403, "Forbidden", null, List.of());
        }
        YearMonth now = YearMonth.now(clock.withZone(FRANCE));
        Map<YearMonth, Month> months = new TreeMap<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.put(now.minusMonths(i), new Month(now.minusMonths(i)));
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (Demand demand : demandsOfRegion(me.homeRegion())) {
            if (!demand.status().equals("DRAFT")) {
                count(months, demand.createdAt(), month -> month.opened++);
            }
            for (Match match : api.matchesOfDemand(demand.id())) {
                count(months, match.createdAt(), month -> month.proposed++);
                if (match.status().equals("ACCEPTED")) {
                    count(months, match.decidedAt(), month -> month.accepted++);
                }
                if (match.status().equals("REJECTED")) {
                    count(months, match.decidedAt(), month -> month.rejected++);
                    if (match.decidedAt() != null && months.containsKey(YearMonth.from(match.decidedAt().atZone(FRANCE)))) {
                        reasons.merge(reasonCode(match.reason()), 1, Integer::sum);
                    }
                }
            }
        }
        int highest = months.values().stream().mapToInt(Month::highest).max().orElse(0);
        model.addAttribute("months", new ArrayList<>(months.values()));
        model.addAttribute("highest", Math.max(1, highest));
        model.addAttribute("reasons", reasons);
        model.addAttribute("advisers", api.advisers());
        return "programme";
    }

    /** The listed reason a rejection starts with ({@code PRICE: …}), or OTHER for a reason in words only. */
    static String reasonCode(String reason) {
        if (reason == null) {
            return "OTHER";
        }
        String code = reason.split(":", 2)[0].strip();
        return DemandPages.REJECTION_REASONS.contains(code) ? code : "OTHER";
    }

    private List<Demand> demandsOfRegion(String region) {
        List<Demand> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
            filters.add("region", region);
            filters.add("page", String.valueOf(page));
            filters.add("size", String.valueOf(PAGE));
            Results<Demand> found = api.demands(filters);
            all.addAll(found.content());
            if (page + 1 >= found.totalPages()) {
                return all;
            }
        }
    }

    private static void count(Map<YearMonth, Month> months, Instant at, Consumer<Month> add) {
        if (at != null) {
            Month month = months.get(YearMonth.from(at.atZone(FRANCE)));
            if (month != null) {
                add.accept(month);
            }
        }
    }

    /** One month's counts. */
    public static final class Month {

        private final YearMonth month;
        int opened;
        int proposed;
        int accepted;
        int rejected;

        Month(YearMonth month) {
            this.month = month;
        }

        public YearMonth month() {
            return month;
        }

        /** The counts in the order of the table, by message key. */
        public Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("opened", opened);
            counts.put("proposed", proposed);
            counts.put("accepted", accepted);
            counts.put("rejected", rejected);
            return counts;
        }

        int highest() {
            return Math.max(Math.max(opened, proposed), Math.max(accepted, rejected));
        }
    }
}
