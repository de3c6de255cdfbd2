package fr.relocmatch.access;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the service's audit trail, for its région's admins and auditors. */
@RestController
public class AuditController {

    private final AuditTrail trail;
    private final String region;

    public AuditController(AuditTrail trail, String region) {
        this.trail = trail;
        this.region = region;
    }

    @GetMapping("/api/v1/audit")
    List<AuditTrail.Entry> read(@RequestParam(required = false) String resourceId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Caller caller = Caller.current();
        Caller.require(caller.is(Role.REGION_ADMIN, region) || caller.is(Role.AUDITOR, region),
                "The audit trail of région " + region + " is read by its admins and auditors");
        return trail.read(resourceId, limit);
    }
}
