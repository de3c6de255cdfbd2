package fr.relocmatch.demand.relocation;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DemandRepository extends MongoRepository<DemandDocument, String> {
}
