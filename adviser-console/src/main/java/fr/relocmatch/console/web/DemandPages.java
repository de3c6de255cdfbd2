package fr.relocmatch.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.Demand;
import fr.relocmatch.console.api.Match;
import fr.relocmatch.console.api.ServiceApis;
import fr.relocmatch.console.security.SignedInPerson;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Demands: the list with its filters, the form (new and edit), a demand's page with its lifecycle
 * buttons and its live ranking, and the advisers' decisions on its matches.
 */
@Controller
class DemandPages {

    /** The reasons a rejection offers, the message keys of their labels ({@code rejection.<code>}). */
    /** The reasons of a rejection (or an abandonment), as the contract lists them. */
    static final List<String> REJECTION_REASONS = List.of("CAPACITY", "CERTIFICATION_OR_QUALITY", "DISTANCE_OR_LOGISTICS",
            "PRICE", "TECHNOLOGY_NOT_SUITABLE", "ALREADY_A_SUPPLIER", "COMPANY_NOT_INTERESTED", "OTHER");

    private final ServiceApis api;
    private final Clock clock;

    DemandPages(ServiceApis api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/demands")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String process,
            @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
            @ModelAttribute("me") SignedInPerson me, Model model) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        filters.add("status", status);
        filters.add("process", process);
        filters.add("region", region);
        filters.add("page", String.valueOf(Math.max(0, page)));
        filters.add("size", "20");
        model.addAttribute("results", api.demands(filters));
        model.addAttribute("status", status);
        model.addAttribute("process", process);
        model.addAttribute("region", region);
        return "demands";
    }

    @GetMapping("/demands/new")
    String blank(@ModelAttribute("me") SignedInPerson me, Model model) {
        model.addAttribute("form", DemandForm.blank(me.email(), LocalDate.now(clock)));
        return "demand-form";
    }

    /** Creates the demand (a draft, opened at once with the "save and open" button). */
    @PostMapping("/demands")
    String create(@ModelAttribute("form") DemandForm form, BindingResult binding,
            @RequestParam(defaultValue = "false") boolean open, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "demand-form";
        }
        Demand created;
        try {
            created = api.createDemand(form.body());
        }
        catch (ApiProblem problem) {
            return refusedForm(problem, binding);
        }
        if (open) {
            api.move(created.id(), "open", created.version(), null);
        }
        redirect.addFlashAttribute("saved", open ? "demand.opened" : "demand.saved");
        return "redirect:/demands/" + created.id();
    }

    /** The processes the product code calls for, each a label that ticks its box among the required processes. */
    @GetMapping("/demands/process-suggestions")
    String suggestions(@RequestParam(defaultValue = "CPF") String productScheme, @RequestParam(required = false) String productCode,
            Model model) {
        if (productCode == null || productCode.isBlank()) {
            model.addAttribute("suggestionError", "—");
            return "demand-form :: suggestions";
        }
        try {
            Map<String, Object> found = api.processSuggestions(productScheme, productCode.strip());
            Object product = found.get("product");
            String label = product instanceof Map<?, ?> described && described.get("label") != null
                    ? described.get("code") + " " + described.get("label") : productCode.strip();
            List<String> codes = found.get("processes") instanceof List<?> processes ? processes.stream()
                    .map(process -> process instanceof Map<?, ?> entry ? String.valueOf(entry.get("code")) : String.valueOf(process))
                    .toList() : List.of();
            model.addAttribute("suggestions", Map.of("label", label, "processes", codes));
        }
        catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("suggestionError", String.join("; ", problem.messagesByField().values()));
        }
        return "demand-form :: suggestions";
    }

    @GetMapping("/demands/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Demand demand = api.demand(id);
        model.addAttribute("form", DemandForm.of(demand));
        model.addAttribute("demandId", id);
        return "demand-form";
    }

    @PostMapping("/demands/{id}")
    String replace(@PathVariable String id, @ModelAttribute("form") DemandForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("demandId", id);
        if (binding.hasErrors()) {
            return "demand-form";
        }
        try {
            api.replaceDemand(id, form.getVersion(), form.body());
        }
        catch (ApiProblem problem) {
            if (problem.status() == 412 || problem.status() == 409) {
                binding.reject("changed", "demand.changed");
                return "demand-form";
            }
            return refusedForm(problem, binding);
        }
        redirect.addFlashAttribute("saved", "demand.saved");
        return "redirect:/demands/" + id;
    }

    @GetMapping("/demands/{id}")
    String show(@PathVariable String id, @ModelAttribute("me") SignedInPerson me, Model model) {
        ranking(id, me, model);
        model.addAttribute("reasons", REJECTION_REASONS);
        return "demand";
    }

    /** The live part of a demand's page: its status and ranking, polled by htmx. */
    @GetMapping("/demands/{id}/ranking")
    String rankingFragment(@PathVariable String id, @ModelAttribute("me") SignedInPerson me, Model model) {
        ranking(id, me, model);
        model.addAttribute("reasons", REJECTION_REASONS);
        return "demand :: ranking";
    }

    /** A lifecycle move, only if the demand is still as the page showed it. */
    @PostMapping("/demands/{id}/move")
    String move(@PathVariable String id, @RequestParam String move, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (!List.of("open", "discussion", "fulfil", "cancel").contains(move)) {
            redirect.addFlashAttribute("refused", "demand.move.unknown");
            return "redirect:/demands/" + id;
        }
        try {
            api.move(id, move, version, reason);
            redirect.addFlashAttribute("saved", "demand.moved." + move);
        }
        catch (ApiProblem problem) {
            if (problem.status() != 409 && problem.status() != 412 && problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", problem.status() == 400 ? "demand.move.invalid" : "demand.changed");
            redirect.addFlashAttribute("refusedDetail", problem.detail());
        }
        return "redirect:/demands/" + id;
    }

    /** A match's page is its place in its demand's ranking: where the e-mails' links lead. */
    @GetMapping("/matches/{matchId}")
    String match(@PathVariable String matchId) {
        Match match = api.match(matchId);
        return "redirect:/demands/" + match.demandId() + "#match-" + match.id();
    }

    /**
     * Accepts or rejects a match. A rejection needs one of the listed reasons; the free text adds
     * to it. From htmx the refreshed ranking comes back, otherwise the page.
     */
    @PostMapping("/matches/{matchId}/decision")
    String decide(@PathVariable String matchId, @RequestParam String demandId, @RequestParam String decision,
            @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String reasonText,
            @RequestHeader(name = "HX-Request", required = false) String htmx, @ModelAttribute("me") SignedInPerson me,
            Model model, RedirectAttributes redirect) {
        String failure = null;
        if (!decision.equals("ACCEPTED") && !decision.equals("REJECTED")) {
            failure = "decision.unknown";
        }
        else if (decision.equals("REJECTED") && (reasonCode == null || !REJECTION_REASONS.contains(reasonCode))) {
            failure = "decision.reason.required";
        }
        else {
            try {
                api.decide(matchId, decision, decision.equals("REJECTED") ? reasonCode : null, blankToNull(reasonText));
            }
            catch (ApiProblem problem) {
                if (problem.status() != 409 && problem.status() != 400) {
                    throw problem;
                }
                failure = problem.status() == 409 ? "decision.already" : "decision.invalid";
            }
        }
        return afterMatchAction(matchId, demandId, failure, htmx, me, model, redirect);
    }

    /**
     * Records the next step of an accepted match's outcome, on the day the adviser gives (today when
     * left empty); abandoning needs a listed reason. A step recorded meanwhile by someone else is
     * said, and the page shows where the match stands.
     */
    @PostMapping("/matches/{matchId}/outcome")
    String recordOutcome(@PathVariable String matchId, @RequestParam String demandId, @RequestParam String step,
            @RequestParam(required = false) String on, @RequestParam(required = false) String reasonCode,
            @RequestParam(required = false) String reasonText,
            @RequestHeader(name = "HX-Request", required = false) String htmx, @ModelAttribute("me") SignedInPerson me,
            Model model, RedirectAttributes redirect) {
        String failure = null;
        java.time.LocalDate day = null;
        try {
            day = on == null || on.isBlank() ? null : java.time.LocalDate.parse(on);
        }
        catch (java.time.format.DateTimeParseException notADay) {
            failure = "outcome.invalid";
        }
        if (failure == null && step.equals("ABANDONED") && (reasonCode == null || !REJECTION_REASONS.contains(reasonCode))) {
            failure = "outcome.reason.required";
        }
        if (failure == null) {
            try {
                api.recordOutcome(matchId, step, day, step.equals("ABANDONED") ? reasonCode : null, blankToNull(reasonText));
            }
            catch (ApiProblem problem) {
                if (problem.status() != 409 && problem.status() != 400) {
                    throw problem;
                }
                failure = problem.status() == 409 ? "outcome.already" : "outcome.invalid";
            }
        }
        return afterMatchAction(matchId, demandId, failure, htmx, me, model, redirect);
    }

    /** From htmx the refreshed ranking, with what was refused; otherwise the demand's page. */
    private String afterMatchAction(String matchId, String demandId, String failure, String htmx, SignedInPerson me,
            Model model, RedirectAttributes redirect) {
        if (htmx == null) {
            if (failure != null) {
                redirect.addFlashAttribute("refused", failure);
            }
            return "redirect:/demands/" + demandId;
        }
        if (failure != null) {
            model.addAttribute("refused", failure);
            model.addAttribute("refusedMatch", matchId);
        }
        ranking(demandId, me, model);
        model.addAttribute("reasons", REJECTION_REASONS);
        return "demand :: ranking";
    }

    private void ranking(String id, SignedInPerson me, Model model) {
        Demand demand = api.demand(id);
        List<Match> matches = api.matchesOfDemand(id);
        model.addAttribute("demand", demand);
        model.addAttribute("proposed", matches.stream().filter(Match::isProposed).toList());
        model.addAttribute("decided", matches.stream()
                .filter(match -> match.status().equals("ACCEPTED") || match.status().equals("REJECTED")).toList());
        model.addAttribute("withdrawn", matches.stream().filter(match -> match.status().equals("WITHDRAWN")).toList());
        model.addAttribute("decides", demand.region() != null && me.advises(demand.region()));
        model.addAttribute("showsDistance", demand.location() != null && "RADIUS".equals(demand.location().mode()));
    }

    private static String refusedForm(ApiProblem problem, BindingResult binding) {
        if (problem.status() != 400 && problem.status() != 422) {
            throw problem;
        }
        problem.messagesByField().forEach((field, message) -> {
            String formField = DemandForm.formField(field);
            if (formField != null) {
                binding.rejectValue(formField, "api", literal(message));
            }
            else {
                binding.reject("api", literal(field.isEmpty() ? message : field + ": " + message));
            }
        });
        if (!binding.hasErrors()) {
            binding.reject("api", literal(problem.detail() == null ? problem.title() : problem.detail()));
        }
        return "demand-form";
    }

    /**
     * A service's message as the page's message source will show it: every message goes through
     * {@code MessageFormat}, which would eat its quotes ({@code '76999'}) and braces.
     */
    static String literal(String message) {
        return "'" + message.replace("'", "''") + "'";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
