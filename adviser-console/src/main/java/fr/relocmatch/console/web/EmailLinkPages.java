package fr.relocmatch.console.web;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.ServiceApis;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages the links at the foot of every e-mail open, without a login (the signed token of the
 * link is the authorisation, checked by notification-service): the adviser's delivery preferences,
 * and the one-click unsubscribe — a confirmation page when the link is opened, and the
 * {@code POST} of RFC 8058 that mail clients send to the {@code List-Unsubscribe} address.
 */
@Controller
class EmailLinkPages {

    private final ServiceApis api;

    EmailLinkPages(ServiceApis api) {
        this.api = api;
    }

    @GetMapping("/preferences")
    String preferences(@RequestParam String token, Model model, HttpServletResponse response) {
        model.addAttribute("deliveries", MePage.DELIVERIES);
        return byLink(token, "entry", api::preferencesByLink, "preferences-link", model, response);
    }

    private static String page(String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("deliveries", MePage.DELIVERIES);
        return "preferences-link";
    }

    @PostMapping("/preferences")
    String savePreferences(@RequestParam String token, @RequestParam String delivery, @RequestParam double minScorePercent,
            @RequestParam String language, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("entry", api.savePreferencesByLink(token, MePage.preferences(delivery, minScorePercent, language)));
        }
        catch (ApiProblem problem) {
            if (problem.status() == 400) {
                model.addAttribute("refused", "preferences.invalid");
                model.addAttribute("refusedDetail", String.join("; ", problem.messagesByField().values()));
                return preferences(token, model, response);
            }
            return expired(problem, model, response);
        }
        model.addAttribute("saved", "preferences.saved");
        return page(token, model);
    }

    /** Opening the link only asks: a link scanner or a prefetching mail client must not unsubscribe anyone. */
    @GetMapping("/unsubscribe")
    String confirmUnsubscribe(@RequestParam String token, Model model) {
        model.addAttribute("token", token);
        return "unsubscribe";
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam String token, Model model, HttpServletResponse response) {
        model.addAttribute("done", true);
        return byLink(token, "entry", api::unsubscribeByLink, "unsubscribe", model, response);
    }

    /**
     * The link of a reminder, forwarded by the adviser to the company: what its profile says, and
     * one button to confirm it is still accurate. Opening the link confirms nothing (link scanners).
     */
    @GetMapping("/confirm-profile")
    String profile(@RequestParam String token, Model model, HttpServletResponse response) {
        return byLink(token, "profile", api::profileByLink, "confirm-profile", model, response);
    }

    @PostMapping("/confirm-profile")
    String confirmProfile(@RequestParam String token, Model model, HttpServletResponse response) {
        model.addAttribute("done", true);
        return byLink(token, "profile", api::confirmProfileByLink, "confirm-profile", model, response);
    }

    /**
     * What the service answers for the link's token, as {@code attribute} of {@code view}; the
     * refusal page when the service refuses the link (what the model holds besides is not shown there).
     */
    private static String byLink(String token, String attribute, Function<String, ?> call, String view, Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute(attribute, call.apply(token));
        }
        catch (ApiProblem problem) {
            return expired(problem, model, response);
        }
        model.addAttribute("token", token);
        return view;
    }

    private static String expired(ApiProblem problem, Model model, HttpServletResponse response) {
        if (problem.status() != 403 && problem.status() != 400 && problem.status() != 404) {
            throw problem;
        }
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("problem", problem);
        return "link-refused";
    }
}
