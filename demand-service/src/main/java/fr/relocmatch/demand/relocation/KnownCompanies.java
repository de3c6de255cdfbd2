package fr.relocmatch.demand.relocation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The companies demand-service has heard of, newest version of each. */
@Component
class KnownCompanies {

    private final MongoTemplate mongo;

    KnownCompanies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps a snapshot unless a newer or equal version is already known (redelivery, reordering). */
    void remember(CompanySnapshot profile) {
        KnownCompany company = new KnownCompany(profile.companyId(), profile.version(), profile.siret(),
                profile.kind(), profile.name(), profile.status());
        try {
            mongo.findAndReplace(query(where("_id").is(company.id()).and("version").lt(company.version())), company,
                    FindAndReplaceOptions.options().upsert());
        }
        catch (DuplicateKeyException newerAlreadyKnown) {
            // the upsert tried to insert because the condition failed on a newer version: keep it
        }
    }

    /** The profile was deleted: a demand can no longer name it as buyer. */
    void forget(String companyId) {
        mongo.remove(query(where("_id").is(companyId)), KnownCompany.class);
    }

    Optional<KnownCompany> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownCompany.class));
    }

    Optional<KnownCompany> bySiret(String siret) {
        return Optional.ofNullable(mongo.findOne(query(where("siret").is(siret)), KnownCompany.class));
    }
}
