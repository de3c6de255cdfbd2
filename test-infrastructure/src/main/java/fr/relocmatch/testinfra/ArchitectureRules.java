package fr.relocmatch.testinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules that hold the system's shape, checked on a service's own classes (ArchUnit): a
 * service imports no other service — they talk through topics and REST only — and a controller
 * reaches the repositories of its own feature (its package) only.
 */
public final class ArchitectureRules {

    /** The root package of each service and of the other applications. */
    private static final List<String> APPLICATIONS = List.of("company", "demand", "matching", "notification", "console",
            "launcher");

    private ArchitectureRules() {
    }

    /** A service's production classes ({@code fr.relocmatch.<service>}, tests left out). */
    public static JavaClasses of(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.relocmatch." + service);
    }

    /** No class of the service depends on a class of another service or application. */
    public static ArchRule importsNoOtherService(String service) {
        String[] others = APPLICATIONS.stream().filter(a -> !a.equals(service)).map(a -> "fr.relocmatch." + a + "..")
                .toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk through topics and REST, never through each other's classes");
    }

    /** A Spring Data repository of the service: an interface extending one of Spring Data's. */
    private static boolean isRepository(JavaClass type) {
        return type.isInterface() && type.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().startsWith("org.springframework.data."));
    }

    /** A controller uses the Spring Data repositories of its own package only. */
    public static ArchRule controllersReachOnlyTheirFeaturesRepositories() {
        return classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should(new ArchCondition<JavaClass>("reach only the repositories of their own feature (package)") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (isRepository(target) && !target.getPackageName().equals(controller.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }
}
