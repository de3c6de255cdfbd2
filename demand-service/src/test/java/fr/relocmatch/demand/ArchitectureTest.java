package fr.relocmatch.demand;

import fr.relocmatch.testinfra.ServiceArchitectureTest;

/** The shape of demand-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("demand");
    }
}
