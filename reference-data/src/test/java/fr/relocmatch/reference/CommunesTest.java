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
}
