package fr.relocmatch.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class ScoreNotesTest {

    private final ScoreNotes notes = ScoreNotes.shipped();

    @Test
    void writesANoteInTheReadersLanguageWithTheLabelsOfItsCodes() {
        Map<String, String> facts = Map.of("offeredProcesses", "WEAVING|HOME_TEXTILES", "lackingProcesses", "");
        assertThat(notes.render("preferredProcesses.all", facts, Locale.FRENCH))
                .isEqualTo("propose tous les procédés souhaités : Tissage et Confection de linge de maison et textiles d'ameublement");
        assertThat(notes.render("preferredProcesses.all", facts, Locale.ENGLISH))
                .startsWith("offers every preferred process: Weaving and ");
        assertThat(notes.render("sector.other", Map.of("sectors", "AUTOMOTIVE|RAIL", "sector", "TEXTILE"), Locale.FRENCH))
                .isEqualTo("sert automobile et ferroviaire, pas le secteur textile");
        assertThat(notes.render("capacity.notComparable", Map.of("capacityUnit", "TONNES", "volumeUnit", "PIECES"), Locale.FRENCH))
                .isEqualTo("capacité en tonnes, volume en pièces : pas comparables");
        assertThat(notes.render("distance.regionOnly", Map.of("region", "32"), Locale.ENGLISH))
                .isEqualTo("in an allowed région (Hauts-de-France)");
        assertThat(notes.render("certifications.expiring", Map.of("expiring", "ISO9001@2027-09-30"), Locale.FRENCH))
                .startsWith("ISO 9001").endsWith("expire le 2027-09-30, avant un an de production");
    }

    @Test
    void anUnknownNoteIsLeftToTheCallerAndAnyOtherLanguageReadsFrench() {
        assertThat(notes.render("distance.byTeleport", Map.of(), Locale.FRENCH)).isNull();
        assertThat(notes.render(null, Map.of(), Locale.ENGLISH)).isNull();
        assertThat(notes.render("labels.none", Map.of(), Locale.GERMAN)).isEqualTo("aucun label");
    }

    @Test
    void bothLanguagesSayEveryNote() {
        ResourceBundle french = ResourceBundle.getBundle("fr.relocmatch.reference.score-notes", Locale.FRENCH);
        ResourceBundle english = ResourceBundle.getBundle("fr.relocmatch.reference.score-notes", Locale.ENGLISH);
        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(french.keySet());
    }
}
