package fr.relocmatch.company.profile;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CompanyRepository extends MongoRepository<CompanyDocument, String> {

    Optional<CompanyDocument> findBySiret(String siret);

    java.util.List<CompanyDocument> findBySiretIn(java.util.Collection<String> sirets);
}
