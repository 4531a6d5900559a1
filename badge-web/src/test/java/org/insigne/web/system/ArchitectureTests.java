package org.insigne.web.system;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module map of docs/architecture.md, checked on the compiled classes of every module. */
class ArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the core's test-jar (shared test harness) is on this classpath too; it is test code
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.insigne");
    }

    @Test
    void coreIsPlainJava() {
        noClasses().that().resideInAPackage("org.insigne.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void coreKnowsNoOtherModule() {
        noClasses().that().resideInAPackage("org.insigne.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.insigne.issuer..", "org.insigne.backpack..", "org.insigne.web..")
                .check(classes);
    }

    @Test
    void issuerAndBackpackStayApartAndBelowTheWeb() {
        noClasses().that().resideInAPackage("org.insigne.issuer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.insigne.backpack..", "org.insigne.web..")
                .check(classes);
        noClasses().that().resideInAPackage("org.insigne.backpack..")
                .should().dependOnClassesThat().resideInAnyPackage("org.insigne.issuer..", "org.insigne.web..")
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.insigne.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresInsideEachModuleHaveNoCycles() {
        slices().matching("org.insigne.web.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.insigne.issuer.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.insigne.backpack.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.insigne.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
