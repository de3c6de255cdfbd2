package fr.relocmatch.company;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.relocmatch.testinfra.ArchitectureRules;

import org.junit.jupiter.api.Test;

/** The shape of company-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.of("company");

    @Test
    void importsNoOtherService() {
        ArchitectureRules.importsNoOtherService("company").check(classes);
    }

    @Test
    void controllersReachOnlyTheirFeaturesRepositories() {
        ArchitectureRules.controllersReachOnlyTheirFeaturesRepositories().check(classes);
    }
}
