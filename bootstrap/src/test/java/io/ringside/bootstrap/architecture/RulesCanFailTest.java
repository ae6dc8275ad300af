package io.ringside.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same rules over {@code io.ringside.archfixture}, a small tree of deliberately wrong classes in
 * test sources: each rule must report its planted violation, or it could not fail the build.
 */
class RulesCanFailTest {

    private static final LayeringRules RULES = new LayeringRules("io.ringside.archfixture");
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages("io.ringside.archfixture");
    }

    private static String violationsOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).as("'%s' reports the planted violation", rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void domainUsingSpringIsReported() {
        assertThat(violationsOf(RULES.domainSeesOnlyJava())).contains("SpringAnnotatedDomainObject");
    }

    @Test
    void applicationUsingAnAdapterIsReported() {
        assertThat(violationsOf(RULES.applicationSeesOnlyDomainAndJava())).contains("ServiceCallingAnAdapter");
    }

    @Test
    void ringCentralAdapterUsingPersistenceIsReported() {
        assertThat(violationsOf(RULES.ringCentralAdapterSeesNoOtherAdapterOrUi())).contains("HttpClientReadingTheDatabase");
    }

    @Test
    void persistenceAdapterUsingTheUiIsReported() {
        assertThat(violationsOf(RULES.persistenceAdapterSeesNoOtherAdapterOrUi())).contains("StoreShowingAView");
    }

    @Test
    void uiUsingAnAdapterIsReported() {
        assertThat(violationsOf(RULES.uiSeesNoAdapter())).contains("ViewReadingTheDatabase");
    }

    @Test
    void aViewUsingAnOutboundPortIsReported() {
        assertThat(violationsOf(RULES.viewsSeeOnlyInboundPorts()))
                .contains("ViewWritingThroughAnOutboundPort")
                .doesNotContain("MoneyView");
    }

    @Test
    void anInboundPortHandingOutAnOutboundPortIsReported() {
        assertThat(violationsOf(RULES.inboundPortsKnowNothingOfOutboundPorts())).contains("SaveIntakeLeakingTheStore");
    }

    @Test
    void aNonBootstrapClassUsingAnAdapterIsReported() {
        assertThat(violationsOf(RULES.onlyBootstrapSeesAdapters()))
                .contains("ViewReadingTheDatabase")
                .contains("ServiceCallingAnAdapter")
                .doesNotContain("archfixture.bootstrap.Wiring");
    }

    @Test
    void simulatorUsingRingsideIsReported() {
        assertThat(violationsOf(RULES.simulatorSeesNothingOfRingside())).contains("SimulatorUsingTheDomain");
    }

    @Test
    void moduleCycleIsReported() {
        assertThat(violationsOf(RULES.noCyclesBetweenModules())).containsIgnoringCase("cycle");
    }

    @Test
    void packageCycleIsReported() {
        assertThat(violationsOf(RULES.noCyclesBetweenPackages())).contains("cycle.a").contains("cycle.b");
    }
}
