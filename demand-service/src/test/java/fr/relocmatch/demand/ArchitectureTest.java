package fr.relocmatch.demand;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.relocmatch.testinfra.ArchitectureRules;

import org.junit.jupiter.api.Test;

/** The shape of demand-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.of("demand");

    @Test
    void importsNoOtherService() {
        ArchitectureRules.importsNoOtherService("demand").check(classes);
    }

    @Test
    void controllersReachOnlyTheirFeaturesRepositories() {
        ArchitectureRules.controllersReachOnlyTheirFeaturesRepositories().check(classes);
    }
}
