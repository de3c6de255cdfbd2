package fr.relocmatch.company.profile;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.Sector;
import fr.relocmatch.api.InvalidInputException;

/**
 * The kinds of demand a supplier is not interested in, all of them (an empty list removes every
 * mark): each a required process, for one sector or, without one, for any.
 */
record NotInterestedRequest(@NotNull @Size(max = 50) @Valid List<Kind> kinds) {

    record Kind(@NotBlank String process, Sector sector) {
    }

    /** Every process in the taxonomy, or a 400 naming each one that is not. */
    List<Kind> validated() {
        InvalidInputException.Collector faults = new InvalidInputException.Collector();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == null) {
                faults.add("kinds[" + i + "]", "must not be null");
            }
            else if (!ManufacturingProcesses.shipped().contains(kinds.get(i).process().strip())) {
                faults.add("kinds[" + i + "].process", "'" + kinds.get(i).process() + "' is not a process of the taxonomy");
            }
        }
        faults.throwIfAny();
        return kinds.stream().map(k -> new Kind(k.process().strip(), k.sector())).toList();
    }
}
