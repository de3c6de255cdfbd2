package fr.relocmatch.demand.request;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DemandRepository extends MongoRepository<DemandDocument, String> {
}
