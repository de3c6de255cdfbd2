package fr.relocmatch.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import fr.relocmatch.state.events.PublishedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reminder as sent: one per (kind, company, certificate, month) — its id — so that however often
 * and on however many instances the reminders are looked for, each goes out once a month. Saved,
 * then published ({@code ProfileReminder} on the reminders topic), the relay sending it again if
 * Kafka did not take it.
 */
@Document("reminders")
class ReminderDocument extends PublishedDocument {

    private ReminderDue.ReminderKind kind;
    private String period;
    private String companyId;
    private String companyName;
    private String supplierAdviserEmail;
    private String supplierRegion;
    private LocalDate lastConfirmedOn;
    private String certification;
    private LocalDate validUntil;
    private List<ReminderEvent.DemandRef> demands;
    private int demandCount;
    private Instant createdAt;

    ReminderDocument() {
    }

    static ReminderDocument of(ReminderDue due, YearMonth period, String supplierRegion, int listed, Instant now) {
        ReminderDocument reminder = new ReminderDocument();
        reminder.id = due.kind() + ":" + due.supplier().id() + (due.certification() == null ? "" : ":" + due.certification())
                + ":" + period;
        reminder.kind = due.kind();
        reminder.period = period.toString();
        reminder.companyId = due.supplier().id();
        reminder.companyName = due.supplier().name();
        reminder.supplierAdviserEmail = due.supplier().adviserEmail();
        reminder.supplierRegion = supplierRegion;
        reminder.lastConfirmedOn = due.supplier().lastConfirmed();
        reminder.certification = due.certification();
        reminder.validUntil = due.validUntil();
        reminder.demands = due.demands().stream().limit(listed)
                .map(d -> new ReminderEvent.DemandRef(d.id(), d.title(), d.startDate())).toList();
        reminder.demandCount = due.demands().size();
        reminder.createdAt = now;
        reminder.updatedAt = now;
        return reminder;
    }

    ReminderDue.ReminderKind getKind() {
        return kind;
    }

    String getPeriod() {
        return period;
    }

    String getCompanyId() {
        return companyId;
    }

    String getCompanyName() {
        return companyName;
    }

    String getSupplierAdviserEmail() {
        return supplierAdviserEmail;
    }

    String getSupplierRegion() {
        return supplierRegion;
    }

    LocalDate getLastConfirmedOn() {
        return lastConfirmedOn;
    }

    String getCertification() {
        return certification;
    }

    LocalDate getValidUntil() {
        return validUntil;
    }

    List<ReminderEvent.DemandRef> getDemands() {
        return demands;
    }

    int getDemandCount() {
        return demandCount;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
