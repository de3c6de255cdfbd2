package fr.relocmatch.demand.relocation;

/** Product classifications a demand may cite. */
enum ProductScheme {
    /** Classification des produits française, rév. 2.1: its first four digits are the NAF class. */
    CPF,
    /** Harmonised System, 6 digits (customs). */
    HS
}
