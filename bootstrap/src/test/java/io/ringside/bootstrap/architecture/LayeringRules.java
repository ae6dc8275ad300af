package io.ringside.bootstrap.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md's dependency rule, written once over a root package, so the same rules run over
 * Ringside ({@code io.ringside}) and over a fixture of deliberately wrong classes (proof they can fail).
 */
final class LayeringRules {

    private final String root;

    LayeringRules(String root) {
        this.root = root;
    }

    private String pkg(String module) {
        return root + "." + module + "..";
    }

    ArchRule domainSeesOnlyJava() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("domain"), "java..")
                .as("domain depends on nothing but Java");
    }

    ArchRule applicationSeesOnlyDomainAndJava() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("application"), pkg("domain"), "java..")
                .as("application depends on domain and Java only (no Spring, Jakarta, Jackson, Vaadin, adapters)");
    }

    ArchRule ringCentralAdapterSeesNoOtherAdapterOrUi() {
        return noClasses().that().resideInAPackage(pkg("adapters.ringcentral"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("adapters.persistence"), pkg("ui"), pkg("simulator"), pkg("bootstrap"))
                .as("the RingCentral adapter depends on no other adapter, the UI, the simulator or bootstrap");
    }

    ArchRule persistenceAdapterSeesNoOtherAdapterOrUi() {
        return noClasses().that().resideInAPackage(pkg("adapters.persistence"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("adapters.ringcentral"), pkg("ui"), pkg("simulator"), pkg("bootstrap"))
                .as("the persistence adapter depends on no other adapter, the UI, the simulator or bootstrap");
    }

    ArchRule uiSeesNoAdapter() {
        return noClasses().that().resideInAPackage(pkg("ui"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("adapters"), pkg("simulator"), pkg("bootstrap"))
                .as("the UI depends on no adapter, the simulator or bootstrap");
    }

    ArchRule viewsSeeOnlyInboundPorts() {
        return noClasses().that().resideInAPackage(pkg("ui"))
                .should().dependOnClassesThat(resideInAPackage(pkg("application"))
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage(pkg("application.port.in")))))
                .as("the UI sees the application only through its inbound ports (port.in)");
    }

    ArchRule inboundPortsKnowNothingOfOutboundPorts() {
        return noClasses().that().resideInAPackage(pkg("application.port.in"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("application.port.out"), pkg("application.service"))
                .as("the inbound ports know nothing of the outbound ports or the services");
    }

    ArchRule onlyBootstrapSeesAdapters() {
        return noClasses().that().resideOutsideOfPackages(pkg("adapters"), pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("adapters"))
                .as("only bootstrap depends on the adapters");
    }

    ArchRule simulatorSeesNothingOfRingside() {
        return classes().that().resideInAPackage(pkg("simulator"))
                .should().onlyDependOnClassesThat(
                        resideOutsideOfPackage(root + "..").or(resideInAPackage(pkg("simulator"))))
                .as("the simulator knows nothing of Ringside");
    }

    ArchRule noCyclesBetweenModules() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between Ringside's modules");
    }

    ArchRule noCyclesBetweenPackages() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no cycles between packages");
    }

    List<ArchRule> all() {
        return List.of(domainSeesOnlyJava(), applicationSeesOnlyDomainAndJava(),
                ringCentralAdapterSeesNoOtherAdapterOrUi(), persistenceAdapterSeesNoOtherAdapterOrUi(),
                uiSeesNoAdapter(), viewsSeeOnlyInboundPorts(), inboundPortsKnowNothingOfOutboundPorts(), onlyBootstrapSeesAdapters(), simulatorSeesNothingOfRingside(),
                noCyclesBetweenModules(), noCyclesBetweenPackages());
    }
}
