package fr.relocmatch.company.profile;

/** Units of an annual capacity; the same names as the units of a demand's annual volume. */
enum CapacityUnit {
    PIECES,
    KILOGRAMS,
    TONNES,
    METRES,
    SQUARE_METRES,
    LITRES
}
