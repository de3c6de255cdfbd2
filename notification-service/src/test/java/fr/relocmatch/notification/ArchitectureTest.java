package fr.relocmatch.notification;

import fr.relocmatch.testinfra.ServiceArchitectureTest;

/** The shape of notification-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("notification");
    }
}
