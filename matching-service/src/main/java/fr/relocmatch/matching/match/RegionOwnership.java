package fr.relocmatch.matching.match;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.relocmatch.access.InstanceRegion;

import org.springframework.stereotype.Component;

/**
 * Which région owns what. This instance matches the demands of its own région ({@code
 * relocmatch.region}) against every profile, whichever région registered it; the owner région of
 * each profile travels with the match so that each région's notification-service e-mails only its
 * own advisers. A record without an owner (written before régions existed) belongs here.
 */
@Component
class RegionOwnership {

    private final String own;
    private final Map<String, String> supplierOwners = new ConcurrentHashMap<>();

    RegionOwnership(InstanceRegion instance) {
        this.own = instance.code();
    }

    String own() {
        return own;
    }

    boolean ownsDemand(String ownerRegion) {
        return ownerRegion == null || ownerRegion.equals(own);
    }

    void supplier(String companyId, String ownerRegion) {
        // one copy of each région code for the hundreds of thousands of profiles
        supplierOwners.put(companyId, (ownerRegion == null ? own : ownerRegion).intern());
    }

    void supplierDeleted(String companyId) {
        supplierOwners.remove(companyId);
    }

    String ofSupplier(String companyId) {
        return supplierOwners.getOrDefault(companyId, own);
    }
}
