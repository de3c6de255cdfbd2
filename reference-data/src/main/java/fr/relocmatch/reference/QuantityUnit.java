package fr.relocmatch.reference;

/**
 * Units of a quantity per year: a supplier's capacity and a demand's volume share them, so that
 * matching can compare the two.
 */
public enum QuantityUnit {
    PIECES,
    KILOGRAMS,
    TONNES,
    METRES,
    SQUARE_METRES,
    LITRES
}
