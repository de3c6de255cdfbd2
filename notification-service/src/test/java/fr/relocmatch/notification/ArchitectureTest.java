package fr.relocmatch.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.relocmatch.testinfra.ArchitectureRules;

import org.junit.jupiter.api.Test;

/** The shape of notification-service: no other service imported, controllers on their own feature's repositories. */
class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.of("notification");

    @Test
    void importsNoOtherService() {
        ArchitectureRules.importsNoOtherService("notification").check(classes);
    }

    @Test
    void controllersReachOnlyTheirFeaturesRepositories() {
        ArchitectureRules.controllersReachOnlyTheirFeaturesRepositories().check(classes);
    }
}
