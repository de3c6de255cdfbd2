package fr.relocmatch.notification.email;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.relocmatch.reference.ScoreNotes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
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
        ACCEPTED("email.accepted");

        private final String keys;

        Kind(String keys) {
            this.keys = keys;
        }
    }

    ComposedEmail compose(MatchNotice notice, Kind kind, String recipient, Locale locale) {
        String score = percent(notice.score(), locale);
        String subject = messages.getMessage(kind.keys + ".subject",
                new Object[] {notice.companyName(), notice.demandTitle(), score, notice.buyerName()}, locale);
        Context context = new Context(locale);
        context.setVariable("intro", messages.getMessage(kind.keys + ".intro", new Object[] {notice.buyerName()}, locale));
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
