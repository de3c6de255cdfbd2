package fr.relocmatch.reference;

import java.util.List;

/** One capability of the shipped taxonomy, e.g. {@code CNC_MILLING} in family {@code METAL}. */
public record ManufacturingProcess(String code, String family, String labelFr, String labelEn,
        List<String> nafCodes) {
}
