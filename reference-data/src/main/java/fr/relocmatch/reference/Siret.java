package fr.relocmatch.reference;

/**
 * SIRET checks: 14 digits passing the Luhn check, except La Poste's establishments (SIREN
 * 356 000 000), whose SIRET digits sum to a multiple of 5 instead.
 */
public final class Siret {

    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    public static boolean isValid(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals("35600000000048")) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    public static String siren(String siret) {
        return siret.substring(0, 9);
    }

    /** The SIRET made of 13 digits and the check digit that makes it pass (synthetic data, tests). */
    public static String withCheckDigit(String thirteenDigits) {
        if (!thirteenDigits.matches("\\d{13}")) {
            throw new IllegalArgumentException("13 digits expected: " + thirteenDigits);
        }
        for (int check = 0; check <= 9; check++) {
            if (luhn(thirteenDigits + check)) {
                return thirteenDigits + check;
            }
        }
        throw new IllegalStateException("no Luhn check digit for " + thirteenDigits);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
