package fr.relocmatch.testinfra;

import com.tngtech.archunit.core.domain.JavaClasses;

import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps, as tests: a service extends this with its root package's last
 * name ({@code company}, {@code demand}…) and {@link ArchitectureRules} are checked on its classes.
 */
public abstract class ServiceArchitectureTest {

    private final String service;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String service) {
        this.service = service;
        this.classes = ArchitectureRules.of(service);
    }

    @Test
    void importsNoOtherService() {
        ArchitectureRules.importsNoOtherService(service).check(classes);
    }

    @Test
    void controllersReachOnlyTheirFeaturesRepositories() {
        ArchitectureRules.controllersReachOnlyTheirFeaturesRepositories().check(classes);
    }
}
