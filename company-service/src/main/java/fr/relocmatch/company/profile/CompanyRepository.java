package fr.relocmatch.company.profile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CompanyRepository extends MongoRepository<CompanyDocument, String> {

    Optional<CompanyDocument> findBySiret(String siret);

    List<CompanyDocument> findBySiretIn(Collection<String> sirets);
}
