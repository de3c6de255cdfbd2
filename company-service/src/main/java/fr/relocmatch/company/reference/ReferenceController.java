package fr.relocmatch.company.reference;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import fr.relocmatch.reference.Certifications;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.CustomsCodes;
import fr.relocmatch.reference.ManufacturingProcess;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vocabularies profiles and demands are written in — NAF rév. 2, the manufacturing-process
 * taxonomy, certifications and labels, communes — so that clients offer the same codes the API
 * accepts. They change only with a release, so answers may be cached for a day.
 */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceController {

    private static final CacheControl DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    @GetMapping("/naf")
    ResponseEntity<List<NafCodes.Entry>> naf(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return cached(NafCodes.shipped().search(q, limit));
    }

    @GetMapping("/processes")
    ResponseEntity<List<ManufacturingProcess>> processes(@RequestParam(required = false) String q) {
        return cached(ManufacturingProcesses.shipped().search(q));
    }

    @GetMapping("/certifications")
    ResponseEntity<List<Certifications.Entry>> certifications(@RequestParam(required = false) String q) {
        return cached(Certifications.shipped().search(q));
    }

    /**
     * Customs codes of the Combined Nomenclature 2022 — HS subheadings (6 digits) and CN subheadings
     * (8) — by code prefix ({@code q=6302}) or words of the English label ({@code q=toilet linen}):
     * the type-ahead of a demand's import product code.
     */
    @GetMapping("/hs-codes")
    ResponseEntity<List<CustomsCodes.Entry>> hsCodes(@RequestParam String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return cached(CustomsCodes.shipped().search(q, limit));
    }

    /** By name prefix ({@code q=rouen}), INSEE code or postal code prefix ({@code q=76540}). */
    @GetMapping("/communes")
    ResponseEntity<List<Commune>> communes(@RequestParam String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return cached(Communes.shipped().search(q, limit));
    }

    private static <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok().cacheControl(DAY).body(body);
    }
}
