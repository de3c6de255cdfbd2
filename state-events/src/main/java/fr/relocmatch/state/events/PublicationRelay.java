package fr.relocmatch.state.events;

import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link Publication#republishPending()} of every publication of the service — each
 * document's state, and the one-off events (decisions, e-mail outcomes) — on a fixed delay.
 */
public class PublicationRelay {

    private final List<Publication<?>> publications;

    public PublicationRelay(List<Publication<?>> publications) {
        this.publications = List.copyOf(publications);
    }

    @Scheduled(fixedDelayString = "${relocmatch.relay.interval:PT5S}",
            initialDelayString = "${relocmatch.relay.interval:PT5S}")
    public void republishPending() {
        publications.forEach(Publication::republishPending);
    }
}
