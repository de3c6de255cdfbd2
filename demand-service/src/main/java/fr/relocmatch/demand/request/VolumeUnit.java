package fr.relocmatch.demand.request;

/** Units of an annual volume. */
enum VolumeUnit {
    PIECES,
    KILOGRAMS,
    TONNES,
    METRES,
    SQUARE_METRES,
    LITRES
}
