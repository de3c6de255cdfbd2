package fr.relocmatch.company.profile;

import java.math.BigDecimal;

import fr.relocmatch.reference.QuantityUnit;

/** Annual capacity and the percentage of it available for new business. */
record Capacity(BigDecimal annualQuantity, QuantityUnit unit, BigDecimal availablePercent) {
}
