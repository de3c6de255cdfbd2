package fr.relocmatch.demand.relocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.relocmatch.reference.CustomsCodes;
import fr.relocmatch.reference.ManufacturingProcess;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;

/**
 * Processes a product usually calls for, with the way there shown: a customs code (HS 6 or CN 8
 * digits) → its CPA 2.1 product classes → the NAF class making each → the processes of the
 * taxonomy carried out by that class's sous-classes. A CPF code starts at the CPA step (the CPF
 * is the French CPA). The buyer accepts or edits what comes out.
 *
 * @param product the code asked for, with its label (English, from the Combined Nomenclature) for HS/CN
 * @param steps   one per product class, each with its NAF class and that class's processes
 * @param processes the union of the steps' processes, without repeats
 */
record ProcessSuggestions(Product product, List<Step> steps, List<ManufacturingProcess> processes) {

    /** The code asked for. */
    record Product(ProductScheme scheme, String code, String label) {
    }

    /** One CPA class and what it leads to. */
    record Step(String cpaCode, String nafClass, String nafClassLabel, List<String> processes) {
    }

    static Optional<ProcessSuggestions> ofHs(String code) {
        return CustomsCodes.shipped().product(code).map(p -> of(new Product(ProductScheme.HS, p.code(), p.label()),
                p.cpaCodes()));
    }

    static ProcessSuggestions ofCpf(String code) {
        return of(new Product(ProductScheme.CPF, code, null), List.of(code));
    }

    private static ProcessSuggestions of(Product product, List<String> cpaCodes) {
        List<Step> steps = new ArrayList<>();
        Map<String, ManufacturingProcess> all = new LinkedHashMap<>();
        for (String cpa : cpaCodes) {
            String nafClass = cpa.substring(0, 5);
            List<ManufacturingProcess> processes = ManufacturingProcesses.shipped().forNafPrefix(nafClass);
            processes.forEach(p -> all.putIfAbsent(p.code(), p));
            steps.add(new Step(cpa, nafClass, NafCodes.shipped().classLabel(nafClass).orElse(null),
                    processes.stream().map(ManufacturingProcess::code).toList()));
        }
        return new ProcessSuggestions(product, steps, List.copyOf(all.values()));
    }
}
