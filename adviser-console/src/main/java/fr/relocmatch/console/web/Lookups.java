package fr.relocmatch.console.web;

import java.util.List;
import java.util.Map;

import fr.relocmatch.console.api.ServiceApis;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Type-ahead for the forms: the {@code <option>}s of a {@code <datalist>} from company-service's
 * reference endpoints, as the person types (htmx sends the field's value under the field's name).
 */
@Controller
class Lookups {

    private static final List<String> VOCABULARIES = List.of("naf", "communes", "processes");

    private final ServiceApis api;

    Lookups(ServiceApis api) {
        this.api = api;
    }

    @GetMapping("/lookup/{vocabulary}")
    String options(@PathVariable String vocabulary, @RequestParam Map<String, String> typed, Model model) {
        String text = typed.values().stream().filter(value -> value != null && value.strip().length() >= 2).findFirst()
                .map(String::strip).orElse(null);
        List<Map<String, Object>> entries = text == null || !VOCABULARIES.contains(vocabulary) ? List.of()
                : api.reference(vocabulary, text, 15);
        model.addAttribute("options", entries.stream().map(entry -> option(vocabulary, entry)).limit(15).toList());
        return "fragments :: options";
    }

    /** What the field receives (a code) and what the list shows beside it. */
    private static Option option(String vocabulary, Map<String, Object> entry) {
        return switch (vocabulary) {
            case "communes" -> new Option(String.valueOf(entry.get("code")),
                    entry.get("name") + " (" + entry.get("departementCode") + ")");
            case "processes" -> new Option(String.valueOf(entry.get("code")), String.valueOf(entry.get("labelFr")));
            default -> new Option(String.valueOf(entry.get("code")), String.valueOf(entry.get("label")));
        };
    }

    record Option(String value, String label) {
    }
}
