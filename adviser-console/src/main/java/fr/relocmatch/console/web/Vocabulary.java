package fr.relocmatch.console.web;

import fr.relocmatch.console.api.Match;
import java.util.Map;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fr.relocmatch.reference.Certifications;
import fr.relocmatch.reference.ManufacturingProcess;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;
import fr.relocmatch.reference.QuantityUnit;
import fr.relocmatch.reference.Regions;
import fr.relocmatch.reference.ScoreNotes;
import fr.relocmatch.reference.Sector;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The shipped vocabularies as the pages show them ({@code ${@vocabulary.process('WEAVING')}}):
 * a process in the reader's language, a région by its name, a NAF code with its label — never a
 * bare code where a word exists.
 */
@Component("vocabulary")
public class Vocabulary {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final ManufacturingProcesses processes = ManufacturingProcesses.shipped();
    private final Certifications certifications = Certifications.shipped();
    private final Regions regions = Regions.shipped();
    private final NafCodes naf = NafCodes.shipped();

    public String process(String code) {
        return processes.byCode(code).map(p -> english() ? p.labelEn() : p.labelFr()).orElse(code);
    }

    public String region(String code) {
        return code == null ? "" : regions.byCode(code).map(Regions.Region::name).orElse(code);
    }

    public String naf(String code) {
        return code == null ? "" : code + " " + naf.label(code).orElse("");
    }

    public String certification(String code) {
        return certifications.search(code).stream().filter(entry -> entry.code().equalsIgnoreCase(code)).findFirst()
                .map(Certifications.Entry::name).orElse(code);
    }

    /** A part's note in the reader's language; the scorer's English for a note this console does not know. */
    public String note(Match.Part part) {
        String written = ScoreNotes.shipped().render(part.noteKey(), part.facts() == null ? Map.of() : part.facts(),
                LocaleContextHolder.getLocale());
        return written != null ? written : part.note();
    }

    /** A moment as the reader reads it: day and time in France. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(FRANCE));
    }

    /** Every process, grouped by family then label, for the demand form. */
    public List<ManufacturingProcess> processes() {
        return processes.all().stream().sorted(Comparator.comparing(ManufacturingProcess::family)
                .thenComparing(p -> english() ? p.labelEn() : p.labelFr())).toList();
    }

    public Collection<Regions.Region> regions() {
        return regions.all();
    }

    public Collection<String> certificates() {
        return certifications.codes().stream().filter(certifications::isCertificate).sorted().toList();
    }

    public List<Sector> sectors() {
        return List.of(Sector.values());
    }

    public List<QuantityUnit> units() {
        return List.of(QuantityUnit.values());
    }

    private static boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
