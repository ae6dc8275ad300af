package io.ringside.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rule over Ringside's real production classes (bootstrap's classpath sees every module). */
class ArchitectureTest {

    private static JavaClasses ringside;

    @BeforeAll
    static void importRingside() {
        ringside = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the application's test fakes come as a test-jar (…-tests.jar), not as test-classes
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.ringside");
    }

    @Test
    void everyModuleIsOnTheClasspathSoNoRuleRunsOverAnEmptyPackage() {
        for (String module : new String[]{"domain", "application", "adapters.ringcentral", "adapters.persistence",
                "ui", "simulator", "bootstrap"}) {
            assertThat(ringside.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAPackage("io.ringside." + module + "..")))
                    .as("classes in io.ringside.%s", module)
                    .isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> ringsideKeepsTheDependencyRule() {
        return new LayeringRules("io.ringside").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(ringside)));
    }
}
