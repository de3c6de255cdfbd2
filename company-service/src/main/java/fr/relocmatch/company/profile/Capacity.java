package fr.relocmatch.company.profile;

import java.math.BigDecimal;

/** Annual capacity and the percentage of it available for new business. */
record Capacity(BigDecimal annualQuantity, CapacityUnit unit, BigDecimal availablePercent) {
}
