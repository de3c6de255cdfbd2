package fr.relocmatch.matching.match;

import java.time.Clock;
import java.time.LocalDate;

import fr.relocmatch.access.Caller;
import fr.relocmatch.api.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme's figures of this instance's région over a period: demands opened, matches
 * proposed, accepted, rejected by reason, outcome steps, agreements and the volume they relocate,
 * the median time from a demand's opening to its first acceptance.
 */
@RestController
@RequestMapping("/api/v1/programme")
class ProgrammeController {

    private final ProgrammeFigures figures;
    private final RegionOwnership regions;
    private final Clock clock;

    ProgrammeController(ProgrammeFigures figures, RegionOwnership regions, Clock clock) {
        this.figures = figures;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * From {@code from} to {@code to}, days in France both included; by default from the first of
     * January of this year to today. Read by the région's advisers, admins and auditors.
     */
    @GetMapping("/figures")
    ProgrammeFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Caller caller = Caller.current();
        String region = regions.own();
        Caller.require(caller.readsWholly(region),
                "The programme figures of région " + region + " are read by its advisers, admins and auditors");
        LocalDate today = clock.instant().atZone(MatchBook.PROGRAMME_ZONE).toLocalDate();
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.withDayOfYear(1);
        if (start.isAfter(end)) {
            new InvalidInputException.Collector().add("from", "is after to (" + end + ")").add("to", "is before from (" + start + ")")
                    .throwIfAny();
        }
        return figures.of(region, start, end);
    }
}
