package fr.relocmatch.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Whom an instance e-mails about a match — the rules under NotificationIT and TwoRegionsIT, without a broker. */
class MatchNoticeTest {

    private static MatchNotice notice(String demandAdviser, String demandRegion, String supplierAdviser, String supplierRegion) {
        return new MatchNotice("m1", 1, "PROPOSED", "d1", "Linge de bain", "Maison Française SA", demandAdviser, "c1",
                "Tissages de Normandie", supplierAdviser, 0.72, 1, 18.1, List.of(), demandRegion, supplierRegion, null);
    }

    @Test
    void bothAdvisersOfOneRegionOnceEachWhateverTheirCase() {
        MatchNotice same = notice(" Textile@Normandie.cci.fr", "28", "textile@normandie.cci.fr ", "28");

        assertThat(same.recipientsIn("28")).containsExactly("textile@normandie.cci.fr");
        assertThat(same.recipientsIn("84")).as("another région's instance e-mails nobody").isEmpty();
    }

    @Test
    void eachRegionsInstanceEmailsItsOwnAdviserOnly() {
        MatchNotice across = notice("grands-comptes@normandie.cci.fr", "28", "mecanique@auvergne-rhone-alpes.cci.fr", "84");

        assertThat(across.recipientsIn("28")).containsExactly("grands-comptes@normandie.cci.fr");
        assertThat(across.recipientsIn("84")).containsExactly("mecanique@auvergne-rhone-alpes.cci.fr");
        assertThat(across.supplierAdviserIn("28")).isEmpty();
        assertThat(across.supplierAdviserIn("84")).containsExactly("mecanique@auvergne-rhone-alpes.cci.fr");
    }

    @Test
    void aSideWithoutRegionBelongsToEveryInstanceAndABlankAddressToNobody() {
        MatchNotice old = notice("a@cci.fr", null, "  ", null);

        assertThat(old.recipientsIn("28")).containsExactly("a@cci.fr");
        assertThat(old.supplierAdviserIn("28")).isEmpty();
    }
}
