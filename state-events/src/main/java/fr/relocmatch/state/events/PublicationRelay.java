package fr.relocmatch.state.events;

import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;

/** Runs {@link StatePublisher#republishPending()} of every publisher of the service, on a fixed delay. */
public class PublicationRelay {

    private final List<StatePublisher<?>> publishers;

    public PublicationRelay(List<StatePublisher<?>> publishers) {
        this.publishers = List.copyOf(publishers);
    }

    @Scheduled(fixedDelayString = "${relocmatch.relay.interval:PT5S}",
            initialDelayString = "${relocmatch.relay.interval:PT5S}")
    public void republishPending() {
        publishers.forEach(StatePublisher::republishPending);
    }
}
