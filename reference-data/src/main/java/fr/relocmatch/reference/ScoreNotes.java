package fr.relocmatch.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes explaining each part of a match's score, in French or English, from what the scorer
 * found (a key such as {@code distance.radius} and its facts such as {@code km=18}, {@code maxKm=80}):
 * the same words in the e-mails, the console and the API. Codes become words here — processes,
 * sectors, units, certifications and régions by their labels in the shipped tables.
 *
 * <p>Facts are strings; their name says how to show them: {@code …Processes} a {@code |}-separated
 * list of process codes, {@code sector} / {@code sectors} sector codes, {@code …Unit} a quantity
 * unit, {@code region} a région code, {@code expiring} {@code CODE@date} pairs; any other fact as it is.
 */
public final class ScoreNotes {

    private static final ScoreNotes SHIPPED = new ScoreNotes();
    private static final Pattern FACT = Pattern.compile("\\{(\\w+)}");
    private static final String BUNDLE = "fr.relocmatch.reference.score-notes";

    private final ManufacturingProcesses processes = ManufacturingProcesses.shipped();
    private final Certifications certifications = Certifications.shipped();
    private final Regions regions = Regions.shipped();

    private ScoreNotes() {
    }

    public static ScoreNotes shipped() {
        return SHIPPED;
    }

    /**
     * The note in the language of {@code locale} (French unless English is asked for); {@code null}
     * when the key is unknown (a note from a newer scorer), so that the caller shows its own text.
     */
    public String render(String key, Map<String, String> facts, Locale locale) {
        ResourceBundle words = words(locale);
        if (key == null || !words.containsKey("note." + key)) {
            return null;
        }
        Matcher placeholder = FACT.matcher(words.getString("note." + key));
        StringBuilder note = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            placeholder.appendReplacement(note, Matcher.quoteReplacement(fact(name, facts.get(name), words, locale)));
        }
        placeholder.appendTail(note);
        return note.toString();
    }

    private String fact(String name, String value, ResourceBundle words, Locale locale) {
        if (value == null) {
            return "?";
        }
        boolean english = english(locale);
        if (name.endsWith("Processes")) {
            return list(Arrays.stream(value.split("\\|")).filter(code -> !code.isBlank())
                    .map(code -> processes.byCode(code).map(p -> english ? p.labelEn() : p.labelFr()).orElse(code)).toList(), words);
        }
        if (name.equals("sector") || name.equals("sectors")) {
            return list(Arrays.stream(value.split("\\|")).map(code -> word(words, "sector." + code, code)).toList(), words);
        }
        if (name.endsWith("Unit")) {
            return word(words, "unit." + value, value);
        }
        if (name.equals("region")) {
            return regions.byCode(value).map(Regions.Region::name).orElse(value);
        }
        if (name.equals("expiring")) {
            List<String> items = new ArrayList<>();
            for (String item : value.split("\\|")) {
                String[] codeAndDate = item.split("@", 2);
                items.add(words.getString("note.certifications.item").replace("{certification}", certificate(codeAndDate[0]))
                        .replace("{until}", codeAndDate.length > 1 ? codeAndDate[1] : "?"));
            }
            return String.join("; ", items);
        }
        return value;
    }

    private String certificate(String code) {
        return certifications.search(code).stream().filter(entry -> entry.code().equalsIgnoreCase(code)).findFirst()
                .map(Certifications.Entry::name).orElse(code);
    }

    private static String list(List<String> items, ResourceBundle words) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + words.getString("list.and") + items.getLast();
    }

    private static String word(ResourceBundle words, String key, String otherwise) {
        return words.containsKey(key) ? words.getString(key) : otherwise;
    }

    private static ResourceBundle words(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, english(locale) ? Locale.ENGLISH : Locale.FRENCH,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
        catch (MissingResourceException e) {
            throw new IllegalStateException("The score notes are not shipped", e);
        }
    }

    private static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
