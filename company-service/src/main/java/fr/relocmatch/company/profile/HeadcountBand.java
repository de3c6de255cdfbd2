package fr.relocmatch.company.profile;

import java.util.Arrays;
import java.util.Optional;

/** The headcount bands of the SIRENE register ({@code tranche d'effectif salarié}). */
enum HeadcountBand {
    B00("00", 0, 0),
    B01("01", 1, 2),
    B02("02", 3, 5),
    B03("03", 6, 9),
    B11("11", 10, 19),
    B12("12", 20, 49),
    B21("21", 50, 99),
    B22("22", 100, 199),
    B31("31", 200, 249),
    B32("32", 250, 499),
    B41("41", 500, 999),
    B42("42", 1000, 1999),
    B51("51", 2000, 4999),
    B52("52", 5000, 9999),
    B53("53", 10000, Integer.MAX_VALUE);

    private final String code;
    private final int from;
    private final int to;

    HeadcountBand(String code, int from, int to) {
        this.code = code;
        this.from = from;
        this.to = to;
    }

    String code() {
        return code;
    }

    static Optional<HeadcountBand> ofCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }

    static HeadcountBand of(int headcount) {
        return Arrays.stream(values()).filter(b -> headcount >= b.from && headcount <= b.to).findFirst().orElseThrow();
    }

    /** As SIRENE writes it, e.g. {@code 12 (20–49)}. */
    String describe() {
        return code + " (" + from + (to == Integer.MAX_VALUE ? "+" : "–" + to) + ")";
    }
}
