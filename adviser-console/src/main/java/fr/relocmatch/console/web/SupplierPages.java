package fr.relocmatch.console.web;

import java.util.List;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.Company;
import fr.relocmatch.console.api.Match;
import fr.relocmatch.console.api.ServiceApis;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suppliers: the search with company-service's filters (NAF code at any level, process,
 * certification valid at a date, label, région, around a commune) and a profile's page with its
 * matches; an adviser confirms a profile there, and marks the kinds of demand it is not interested in.
 */
@Controller
class SupplierPages {

    static final List<String> FILTERS = List.of("name", "naf", "process", "certification", "validAt", "label", "region",
            "near", "radiusKm");

    private final ServiceApis api;

    SupplierPages(ServiceApis api) {
        this.api = api;
    }

    @GetMapping("/suppliers")
    String search(@RequestParam MultiValueMap<String, String> query, Model model) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        FILTERS.forEach(name -> filters.addAll(name, query.getOrDefault(name, List.of())));
        model.addAttribute("filters", filters.toSingleValueMap());
        if (filters.values().stream().flatMap(List::stream).allMatch(value -> value == null || value.isBlank())) {
            return "suppliers";
        }
        String near = filters.getFirst("near");
        if (near != null && near.strip().matches("[0-9][0-9ABab][0-9]{3}")) {
            // the field asks for an INSEE code (its type-ahead offers them): said so, as 76540 is also a postal code
            filters.set("near", "insee:" + near.strip());
        }
        filters.add("kind", "SME");
        filters.add("page", query.getFirst("page"));
        filters.add("size", "20");
        try {
            model.addAttribute("results", api.companies(filters));
        }
        catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("errors", problem.messagesByField());
        }
        return "suppliers";
    }

    @GetMapping("/suppliers/{id}")
    String profile(@PathVariable String id, Model model) {
        Company company = api.company(id);
        List<Match> matches;
        try {
            matches = api.matchesOfCompany(id);
        }
        catch (ApiProblem problem) {
            if (problem.status() != 403) {
                throw problem;
            }
            matches = List.of();
        }
        model.addAttribute("company", company);
        model.addAttribute("matches", matches);
        return "supplier";
    }

    /**
     * Marks the supplier not interested in demands requiring {@code process} (for {@code sector},
     * or any when blank), or takes the mark away ({@code marked=false}); the other marks are kept.
     */
    @PostMapping("/suppliers/{id}/not-interested")
    String notInterested(@PathVariable String id, @RequestParam long version, @RequestParam String process,
            @RequestParam(required = false) String sector, @RequestParam(defaultValue = "true") boolean marked,
            RedirectAttributes redirect) {
        Company company = api.company(id);
        String anySector = sector == null || sector.isBlank() ? null : sector;
        try {
            api.notInterested(id, version, company.notInterestedWith(process, anySector, marked));
            redirect.addFlashAttribute("saved", marked ? "supplier.notInterested.marked" : "supplier.notInterested.cleared");
        }
        catch (ApiProblem problem) {
            if (problem.status() == 409 || problem.status() == 412) {
                redirect.addFlashAttribute("refused", "supplier.changed");
            }
            else if (problem.status() == 400) {
                redirect.addFlashAttribute("refused", "supplier.notInterested.invalid");
                redirect.addFlashAttribute("refusedDetail", String.join(" ", problem.messagesByField().values()));
            }
            else {
                throw problem;
            }
        }
        return "redirect:/suppliers/" + id;
    }

    @PostMapping("/suppliers/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            api.confirm(id, version);
            redirect.addFlashAttribute("saved", "supplier.confirmed");
        }
        catch (ApiProblem problem) {
            if (problem.status() != 409 && problem.status() != 412) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", "supplier.changed");
        }
        return "redirect:/suppliers/" + id;
    }
}
