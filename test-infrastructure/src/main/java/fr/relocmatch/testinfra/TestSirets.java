package fr.relocmatch.testinfra;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh SIRETs passing the Luhn check, so that tests never collide on unique indexes. */
public final class TestSirets {

    private TestSirets() {
    }

    public static String random() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10));
        }
        return withCheckDigit(digits);
    }

    /** Another establishment of the same company: a fresh SIRET of the given SIREN (9 digits). */
    public static String ofSiren(String siren) {
        StringBuilder digits = new StringBuilder(siren);
        for (int i = 0; i < 4; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10));
        }
        return withCheckDigit(digits);
    }

    private static String withCheckDigit(StringBuilder digits) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            // Luhn from the right: the check digit will take position 0, so these sit at 1..13.
            int digit = digits.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
