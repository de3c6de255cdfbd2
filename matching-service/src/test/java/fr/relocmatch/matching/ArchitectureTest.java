package fr.relocmatch.matching;

import fr.relocmatch.testinfra.ServiceArchitectureTest;

/** The shape of matching-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("matching");
    }
}
