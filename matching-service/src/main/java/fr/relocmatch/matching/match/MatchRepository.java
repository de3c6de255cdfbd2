package fr.relocmatch.matching.match;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MatchRepository extends MongoRepository<MatchDocument, String> {

    List<MatchDocument> findByDemandId(String demandId, Sort sort);

    List<MatchDocument> findByCompanyId(String companyId, Sort sort);
}
