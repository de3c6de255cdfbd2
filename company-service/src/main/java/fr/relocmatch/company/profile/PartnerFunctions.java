package fr.relocmatch.company.profile;

import java.util.function.Consumer;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.partner.PartnerInbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.server.ResponseStatusException;

/**
 * Company profiles partners publish on the inbox topic (binding {@code partnerCompanies-in-0}):
 * the same checks as {@code POST /api/v1/companies}, upserted by SIRET like the CSV import, so a
 * partner re-publishing a profile updates it. A profile registered by the CCI or another partner is
 * refused (the outcome says so): a partner changes only what it submitted.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFunctions {

    @Bean
    Consumer<Message<byte[]>> partnerCompanies(PartnerInbox inbox, CompanyProfiles profiles, CompanyValidator validator,
            AuditTrail audit) {
        return message -> inbox.receive(message, "partner-company-submission", "company", CompanyRequest.class,
                submission -> {
                    ValidCompany valid = validator.validate(submission.body());
                    return profiles.findBySiret(valid.siret())
                            .map(existing -> {
                                // a partner updates only what it submitted, as over REST
                                if (!submission.source().equals(existing.getSubmittedBy())) {
                                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "SIRET " + valid.siret()
                                            + " is registered by someone else; a partner updates only its own submissions");
                                }
                                CompanyDocument updated = profiles.update(existing, valid);
                                audit.recordAs(submission.source(), "kafka", "REPLACE", "company", updated.getId(),
                                        "version " + updated.getVersion());
                                return updated;
                            })
                            .orElseGet(() -> {
                                CompanyDocument created = profiles.create(valid, submission.source());
                                audit.recordAs(submission.source(), "kafka", "CREATE", "company", created.getId(), null);
                                return created;
                            })
                            .getId();
                });
    }
}
