package fr.relocmatch.notification.email;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.relocmatch.reference.ScoreNotes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes the e-mail about a match — proposed, or its confidential buyer disclosed — from the
 * Thymeleaf templates {@code email/match-proposed.html} and {@code .txt}, in the adviser's language.
 */
@Component
class MatchEmailComposer {

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final EmailLinks links;

    MatchEmailComposer(TemplateEngine templates, MessageSource messages, EmailLinks links) {
        this.templates = templates;
        this.messages = messages;
        this.links = links;
    }

    /** What the e-mail announces; each kind has its own subject and opening line. */
    enum Kind {
        /** A match is proposed: both advisers in charge. */
        PROPOSED("email"),
        /** An accepted match of a confidential demand: the supplier's adviser learns the buyer. */
        BUYER_DISCLOSED("email.disclosed"),
        /** A named buyer's adviser accepted the match: the supplier's adviser introduces the two. */
        ACCEPTED("email.accepted"),
        /** The demand ended (fulfilled, cancelled, expired): the supplier's adviser, in the daily digest. */
        DEMAND_CLOSED("email.closed");

        private final String keys;

        Kind(String keys) {
            this.keys = keys;
        }

        /** Told in the daily digest only, never on its own. */
        boolean digestOnly() {
            return this == DEMAND_CLOSED;
        }

        /** The message keys of this e-mail: for an ended demand, those of how it ended. */
        String keys(MatchNotice notice) {
            return this == DEMAND_CLOSED ? keys + "." + notice.demandClosed().toLowerCase(Locale.ROOT) : keys;
        }
    }

    ComposedEmail compose(MatchNotice notice, Kind kind, String recipient, Locale locale) {
        String score = percent(notice.score(), locale);
        String keys = kind.keys(notice);
        String subject = messages.getMessage(keys + ".subject",
                new Object[] {notice.companyName(), notice.demandTitle(), score, notice.buyerName()}, locale);
        Context context = new Context(locale);
        context.setVariable("intro", messages.getMessage(keys + ".intro", new Object[] {notice.buyerName()}, locale));
        context.setVariable("language", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("demandTitle", notice.demandTitle());
        context.setVariable("buyer", notice.buyerName() != null ? notice.buyerName()
                : messages.getMessage("email.buyer.confidential", null, locale));
        context.setVariable("companyName", notice.companyName());
        context.setVariable("score", score);
        context.setVariable("rankAndDistance", notice.distanceKm() == null
                ? messages.getMessage("email.rank.only", new Object[] {notice.rank()}, locale)
                : messages.getMessage("email.rank", new Object[] {notice.rank(), String.format(locale, "%.0f", notice.distanceKm())},
                        locale));
        context.setVariable("parts", parts(notice, locale));
        context.setVariable("matchUrl", links.match(notice.matchId()));
        context.setVariable("preferencesUrl", links.preferences(recipient));
        context.setVariable("unsubscribeUrl", links.unsubscribe(recipient));
        return new ComposedEmail(subject, templates.process("email/match-proposed.txt", context),
                templates.process("email/match-proposed", context));
    }

    /**
     * A reminder, as a line of the digest: the subject says what to do; the text and HTML say it
     * again with the demands a certificate would miss.
     */
    ComposedEmail reminder(ReminderNotice notice, Locale locale) {
        String subject = notice.certificate()
                ? messages.getMessage("reminder.certificate.subject", new Object[] {notice.companyName(),
                        notice.certification(), notice.validUntil(), notice.demandCount(),
                        notice.demands() == null || notice.demands().isEmpty() ? "" : notice.demands().getFirst().title()}, locale)
                : notice.lastConfirmedOn() == null
                        ? messages.getMessage("reminder.unconfirmed.never.subject", new Object[] {notice.companyName()}, locale)
                        : messages.getMessage("reminder.unconfirmed.subject", new Object[] {notice.companyName(),
                                notice.lastConfirmedOn()}, locale);
        String text = subject + "\n" + messages.getMessage("reminder.forward", null, locale);
        return new ComposedEmail(subject, text, "<p>" + HtmlUtils.htmlEscape(text) + "</p>");
    }

    private List<Map<String, String>> parts(MatchNotice notice, Locale locale) {
        if (notice.explanation() == null) {
            return List.of();
        }
        return notice.explanation().stream().map(part -> Map.of(
                "label", messages.getMessage("email.part." + part.name(), null, part.name(), locale),
                "value", percent(part.value(), locale),
                "weight", String.format(locale, "%.2f", part.weight()),
                "note", note(part, locale))).toList();
    }

    /** The note in the adviser's language; matching-service's English text for a note this version does not know. */
    private static String note(MatchNotice.Part part, Locale locale) {
        String written = ScoreNotes.shipped().render(part.noteKey(), part.facts() == null ? Map.of() : part.facts(), locale);
        return written != null ? written : part.note() == null ? "" : part.note();
    }

    private static String percent(double value, Locale locale) {
        return String.format(locale, "%.0f %%", value * 100);
    }
}
