package fr.relocmatch.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.ServiceApis;
import fr.relocmatch.console.security.SignedInPerson;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A région admin's view of the programme: the région's advisers, and from matching-service's
 * programme figures, month by month over the last six months the demands opened, the matches
 * proposed, accepted and rejected and the agreements signed; over the six months together the
 * reasons of rejections, the outcome steps, the volume relocated and the median time from a
 * demand's opening to its first acceptance.
 */
@Controller
class ProgrammePage {

    static final int MONTHS = 6;
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    /** The monthly columns, in the table's order, as the figures name them. */
    private static final List<String> COLUMNS = List.of("demandsOpened", "matchesProposed", "accepted", "rejected",
            "agreements");

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
        LocalDate today = LocalDate.now(clock.withZone(FRANCE));
        YearMonth now = YearMonth.from(today);
        List<Month> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            YearMonth month = now.minusMonths(i);
            LocalDate last = month.equals(now) ? today : month.atEndOfMonth();
            months.add(new Month(month, counts(api.programmeFigures(month.atDay(1), last))));
        }
        Map<String, Object> span = api.programmeFigures(now.minusMonths(MONTHS - 1).atDay(1), today);
        int highest = months.stream().flatMap(m -> m.counts().values().stream()).mapToInt(Integer::intValue).max().orElse(0);
        model.addAttribute("months", months);
        model.addAttribute("highest", Math.max(1, highest));
        model.addAttribute("reasons", nonZero(span.get("rejectedByReason")));
        model.addAttribute("steps", span.getOrDefault("outcomeSteps", Map.of()));
        model.addAttribute("volumes", span.getOrDefault("volumeRelocated", List.of()));
        model.addAttribute("median", span.get("medianDaysToFirstAcceptance"));
        model.addAttribute("firstAccepted", span.getOrDefault("demandsFirstAccepted", 0));
        model.addAttribute("advisers", api.advisers());
        return "programme";
    }

    private static Map<String, Integer> counts(Map<String, Object> figures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        COLUMNS.forEach(column -> counts.put(column, figures.get(column) instanceof Number n ? n.intValue() : 0));
        return counts;
    }

    /** The reasons given at least once, in the contract's order. */
    private static Map<String, Object> nonZero(Object byReason) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (byReason instanceof Map<?, ?> reasons) {
            reasons.forEach((code, count) -> {
                if (count instanceof Number n && n.longValue() > 0) {
                    given.put(String.valueOf(code), n);
                }
            });
        }
        return given;
    }

    /**
     * One month's counts, by the figures' names.
     *
     * @param counts demands opened, matches proposed, accepted, rejected, agreements
     */
    public record Month(YearMonth month, Map<String, Integer> counts) {
    }
}
