package org.insigne.web.system;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.insigne.issuer.publishing.HostedUrls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    /**
     * Where documents and pages live is the web application's choice, made in the route table
     * ({@link HostedUrls}): the core writes documents from URLs it is given and must not build or recognise
     * one of them itself. Checked on the string constants of every compiled core class, which is where a path
     * would be (a literal, or the recipe of a string concatenation).
     */
    @Test
    void coreHoldsNoWebRoute() {
        assertThat(webRoutes()).contains("/ob2/assertions/", "/ob3/credentials/", "/ob3/issuers/", "/p/badges/");
        classes().that().resideInAPackage("org.insigne.core..").should(holdNoWebRoute()).check(classes);
    }

    @Test
    void webRouteRuleCatchesAClassHoldingARoute() {
        JavaClasses offender = new ClassFileImporter().importClasses(HoldsAWebRoute.class);

        assertThatThrownBy(() -> classes().should(holdNoWebRoute()).check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/ob3/credentials/");
    }

    /** Stands for a core class that would build a credential's address itself. */
    static final class HoldsAWebRoute {
        String credential(UUID award) {
            return "https://badges.example.org/ob3/credentials/" + award;
        }
    }

    /** The fixed part of every public document path, up to its first variable, and the public pages. */
    static List<String> webRoutes() {
        Stream<String> documents = Arrays.stream(HostedUrls.Document.values())
                .map(d -> d.template().substring(0, d.template().indexOf('{')));
        return Stream.concat(documents, Stream.of("/p/badges/", "/p/profiles/", "/p/collections/", "/p/cv/",
                "/verify", "/backpack/", "/console/")).distinct().toList();
    }

    static ArchCondition<JavaClass> holdNoWebRoute() {
        List<String> routes = webRoutes();
        return new ArchCondition<>("hold no string constant with a path of the web application " + routes) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String constant : stringConstants(javaClass)) {
                    for (String route : routes) {
                        if (constant.contains(route)) {
                            events.add(SimpleConditionEvent.violated(javaClass,
                                    javaClass.getName() + " holds \"" + constant + "\" (" + route + ")"));
                        }
                    }
                }
            }
        };
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS §4.4). */
    static List<String> stringConstants(JavaClass javaClass) {
        var source = javaClass.getSource().orElseThrow(() -> new AssertionError("no class file for " + javaClass));
        try (InputStream in = source.getUri().toURL().openStream(); DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(8);
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 8 -> strings.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.skipNBytes(2);
                    case 15 -> data.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
                    case 5, 6 -> {
                        data.skipNBytes(8);
                        i++;
                    }
                    default -> throw new AssertionError("constant pool tag " + tag + " in " + javaClass.getName());
                }
            }
            return strings.stream().map(index -> utf8[index]).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + source.getUri(), e);
        }
    }
}
