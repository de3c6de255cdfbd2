package fr.relocmatch.demand.relocation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * demand-service's own trimmed view of a company profile, kept from the companies topic, to
 * check a demand's buyer without calling company-service.
 */
@Document("known_companies")
record KnownCompany(@Id String id, long version, @Indexed String siret, String kind, String name, String status) {

    boolean canBuy() {
        return "GROUP".equals(kind) && "ACTIVE".equals(status);
    }
}
