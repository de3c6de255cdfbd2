package fr.relocmatch.console.web;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in adviser's e-mails (what was sent, when) and their delivery preferences. */
@Controller
class MePage {

    static final List<String> DELIVERIES = List.of("INSTANT", "DAILY_DIGEST", "NONE");

    private final ServiceApis api;

    MePage(ServiceApis api) {
        this.api = api;
    }

    @GetMapping("/me")
    String me(@ModelAttribute("me") SignedInPerson me, Model model) {
        model.addAttribute("notifications", me.isAdviser() ? api.myNotifications() : List.of());
        model.addAttribute("entry", entry(me));
        model.addAttribute("deliveries", DELIVERIES);
        return "me";
    }

    /** Changes delivery, minimum score and language; the régions stay the admin's to set. */
    @PostMapping("/me/preferences")
    String preferences(@ModelAttribute("me") SignedInPerson me, @RequestParam String delivery,
            @RequestParam double minScorePercent, @RequestParam String language, RedirectAttributes redirect) {
        Map<String, Object> entry = entry(me);
        if (entry == null) {
            redirect.addFlashAttribute("refused", "preferences.noentry");
            return "redirect:/me";
        }
        Map<String, Object> changed = preferences(delivery, minScorePercent, language);
        changed.put("name", entry.get("name"));
        try {
            api.saveAdviser(me.email(), changed);
            redirect.addFlashAttribute("saved", "preferences.saved");
        }
        catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("refused", "preferences.invalid");
            redirect.addFlashAttribute("refusedDetail", String.join("; ", problem.messagesByField().values()));
        }
        return "redirect:/me";
    }

    /** The preferences form as notification-service's fields: the minimum score from percent to a share. */
    static Map<String, Object> preferences(String delivery, double minScorePercent, String language) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("language", language);
        preferences.put("delivery", delivery);
        preferences.put("minScore", Math.max(0, Math.min(100, minScorePercent)) / 100);
        return preferences;
    }

    /** The adviser's directory entry; none when the région's admin has not created it yet. */
    private Map<String, Object> entry(SignedInPerson me) {
        if (me.email() == null || !me.isAdviser()) {
            return null;
        }
        try {
            return api.adviser(me.email());
        }
        catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            return null;
        }
    }
}
