package fr.relocmatch.reference;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiretTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({
            "73282932000074, true",   // a published SIRET passing Luhn
            "73282932000075, false",  // last digit changed
            "35600000000048, true",   // La Poste head office: plain Luhn
            "35600000049837, true",   // La Poste establishment: digits sum to a multiple of 5
            "35600000049838, false",
            "7328293200007, false",   // 13 digits
            "7328293200007A, false"})
    void checksDigitsAndLaPosteException(String siret, boolean valid) {
        assertThat(Siret.isValid(siret)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource("73282932000074, 732829320")
    void derivesSirenFromTheFirstNineDigits(String siret, String siren) {
        assertThat(Siret.siren(siret)).isEqualTo(siren);
    }

    @Test
    void aCheckDigitMakesAnyThirteenDigitsValid() {
        for (long body = 1_000_000_000_000L; body < 1_000_000_000_000L + 2_000; body += 7) {
            String siret = Siret.withCheckDigit(String.valueOf(body));
            assertThat(Siret.isValid(siret)).as(siret).isTrue();
            assertThat(siret).startsWith(String.valueOf(body)).hasSize(14);
        }
    }
}
