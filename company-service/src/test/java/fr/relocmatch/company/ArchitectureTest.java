package fr.relocmatch.company;

import fr.relocmatch.testinfra.ServiceArchitectureTest;

/** The shape of company-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("company");
    }
}
