package fr.relocmatch.notification.email;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Writes the French plain-text e-mail announcing a proposed match. */
@Component
class MatchEmailComposer {

    private final NotificationProperties properties;

    MatchEmailComposer(NotificationProperties properties) {
        this.properties = properties;
    }

    String subject(MatchNotice notice) {
        return "[RelocMatch] Mise en relation proposée : " + notice.companyName() + " pour « " + notice.demandTitle()
                + " » (score " + percent(notice.score()) + ")";
    }

    String body(MatchNotice notice) {
        StringBuilder text = new StringBuilder();
        text.append("Bonjour,\n\n")
                .append("RelocMatch propose une mise en relation.\n\n")
                .append("Demande de relocalisation : ").append(notice.demandTitle()).append('\n')
                .append("Donneur d'ordre : ").append(notice.buyerName() == null ? "confidentiel" : notice.buyerName())
                .append('\n')
                .append("Fournisseur : ").append(notice.companyName()).append('\n')
                .append("Score : ").append(percent(notice.score()))
                .append(" (rang ").append(notice.rank()).append(", ")
                .append(String.format(Locale.FRANCE, "%.0f km", notice.distanceKm())).append(")\n\n")
                .append("Pourquoi ce score :\n");
        if (notice.explanation() != null) {
            for (MatchNotice.Part part : notice.explanation()) {
                text.append(" - ").append(part.name()).append(" : ").append(percent(part.value()))
                        .append(" (poids ").append(String.format(Locale.FRANCE, "%.2f", part.weight())).append(") — ")
                        .append(part.note()).append('\n');
            }
        }
        text.append("\nVoir la mise en relation : ").append(properties.matchBaseUrl()).append(notice.matchId())
                .append("\n\n-- \nRelocMatch, pour la CCI\n");
        return text.toString();
    }

    private static String percent(double value) {
        return String.format(Locale.FRANCE, "%.0f %%", value * 100);
    }
}
