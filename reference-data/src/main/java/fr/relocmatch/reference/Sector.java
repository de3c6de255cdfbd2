package fr.relocmatch.reference;

/** Industries a company serves; a demand may name the industry its product is for. */
public enum Sector {
    AUTOMOTIVE,
    AERONAUTICS,
    SPACE_DEFENCE,
    RAIL,
    NAVAL,
    ENERGY,
    PHARMA,
    MEDICAL_DEVICES,
    COSMETICS,
    AGRIFOOD,
    CHEMISTRY,
    TEXTILE,
    ELECTRONICS,
    MACHINERY,
    CONSTRUCTION,
    FURNITURE,
    PACKAGING,
    CONSUMER_GOODS
}
