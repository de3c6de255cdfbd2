package fr.relocmatch.matching.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The model is plain Java: the JDK, the shipped reference data and RoaringBitmap, nothing else —
 * Spring is not even on its class path; this says it in a test too, so that a dependency added to
 * the module's pom cannot slip in unnoticed.
 */
class ModelArchitectureTest {

    @Test
    void dependsOnTheJdkTheReferenceDataRoaringBitmapAndLiblinearOnly() {
        classes().that().resideInAPackage("fr.relocmatch.matching.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "fr.relocmatch.matching.domain..",
                        "fr.relocmatch.reference..", "org.roaringbitmap..", "de.bwaldvogel.liblinear..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("fr.relocmatch.matching.domain"));
    }
}
