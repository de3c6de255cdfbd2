package fr.relocmatch.demand.relocation;

import fr.relocmatch.reference.Sector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A demand whose every code, the buyer and the location have been checked and resolved. */
record ValidDemand(String title, String description, Buyer buyer, DemandRequest.ProductCode product,
        List<String> requiredProcesses, List<String> preferredProcesses, List<String> targetNafCodes,
        List<String> requiredCertifications, DemandRequest.Volume annualVolume, BigDecimal targetUnitPriceEur, Sector sector,
        LocalDate startDate, LocalDate validUntil, Location location, String adviserEmail, boolean confidential) {
}
