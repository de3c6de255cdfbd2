package fr.relocmatch.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommunesTest {

    private final Communes communes = Communes.shipped();

    @Test
    void loadsEveryShippedCommuneAndArrondissement() {
        assertThat(communes.size()).isEqualTo(34_920);
    }

    @Test
    void resolvesInseeCodeWithCoordinatesDepartementAndRegion() {
        Commune rouen = communes.resolve("76540", null);
        assertThat(rouen.name()).isEqualTo("Rouen");
        assertThat(rouen.departementCode()).isEqualTo("76");
        assertThat(rouen.regionCode()).isEqualTo("28");
        assertThat(rouen.latitude()).isEqualTo(49.4435);
        assertThat(rouen.longitude()).isEqualTo(1.10006);
    }

    @Test
    void resolvesCorsicanCodesWithLetters() {
        assertThat(communes.resolve("2a004", null).name()).isEqualTo("Ajaccio");
    }

    @Test
    void resolvesPostalCodeServingOneCommune() {
        assertThat(communes.resolve(null, "76100").code()).isEqualTo("76540");
        assertThat(communes.resolve("76100", null).name())
                .as("the same digits as an INSEE code name another commune").isNotEqualTo("Rouen");
    }

    @Test
    void rejectsPostalCodeServingSeveralCommunesNamingCandidates() {
        String shared = communes.byPostalCode("76190").size() > 1 ? "76190" : null;
        assertThat(shared).as("76190 (Yvetot area) serves several communes").isNotNull();
        assertThatThrownBy(() -> communes.resolve(null, shared))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessageContaining("serves")
                .hasMessageContaining("INSEE code");
    }

    @Test
    void rejectsUnknownAndBlankCodes() {
        assertThatThrownBy(() -> communes.resolve("99999", null)).isInstanceOf(UnknownReferenceException.class);
        assertThatThrownBy(() -> communes.resolve(null, "00000")).isInstanceOf(UnknownReferenceException.class);
        assertThatThrownBy(() -> communes.resolve(" ", null)).isInstanceOf(UnknownReferenceException.class);
    }

    @Test
    void rejectsCommuneNotServedByTheGivenPostalCode() {
        assertThat(communes.resolve("76540", "76000").name()).isEqualTo("Rouen");
        assertThatThrownBy(() -> communes.resolve("76540", "75001"))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessageContaining("not served by postal code 75001");
    }

    @Test
    void aSearchCentreIsTheOneCommuneItsCodeNamesOrTheChoicesAreSaid() {
        Communes communes = Communes.shipped();
        // 69001: Affoux's INSEE code and a postal code of Lyon — neither is guessed
        assertThatThrownBy(() -> communes.place("69001")).isInstanceOf(UnknownReferenceException.class)
                .hasMessageContaining("insee:69001 (Affoux)").hasMessageContaining("postal:69001 (Lyon)");
        assertThat(communes.place("insee:69001").name()).isEqualTo("Affoux");
        assertThat(communes.place("postal:69001").name()).isEqualTo("Lyon");
        // only a postal code (Rouen's), only an INSEE code (Paris): no doubt
        assertThat(communes.place("76000").name()).isEqualTo("Rouen");
        assertThat(communes.place("75056").name()).isEqualTo("Paris");
        assertThat(communes.place(" INSEE:2a004 ").name()).isEqualTo("Ajaccio");
        assertThatThrownBy(() -> communes.place("99999")).hasMessageContaining("neither");
        assertThatThrownBy(() -> communes.place("postal:76540")).hasMessageContaining("give the INSEE code");
    }
}
