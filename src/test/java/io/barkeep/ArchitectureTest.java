package io.barkeep;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of STYLE.md, checked on the production classes: domain (pure) at the bottom; store (the only user
 * of jOOQ and JDBC) and source beside each other on top of it; sync on both; cli and ui on top.
 * The rules run from plain {@code @Test} methods, not {@code @ArchTest} fields: surefire 3.5.3 (our pinned
 * version) silently skips {@code @ArchTest} fields and reports 0 tests (SUREFIRE-2298, fixed in 3.5.4).
 */
class ArchitectureTest {
    private static final String DOMAIN = "io.barkeep.domain..";
    private static final String STORE = "io.barkeep.store..";
    private static final String SOURCE = "io.barkeep.source..";
    private static final String SYNC = "io.barkeep.sync..";
    private static final String CLI = "io.barkeep.cli..";
    private static final String UI = "io.barkeep.ui..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.barkeep");
    }

    private static final ArchRule domainUsesNoUiDatabaseOrNetwork = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..", "java.net..")
            .because("the domain is pure logic that every layer can use and test without I/O");

    private static final ArchRule domainUsesNoOtherBarkeepCode = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat(resideInAPackage("io.barkeep..").and(not(resideInAPackage(DOMAIN))))
            .because("the domain is the bottom layer");

    private static final ArchRule onlyTheStoreUsesJooqOrJdbc = noClasses()
            .that().resideOutsideOfPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..")
            .because("the store (with the generated io.barkeep.store.schema) is the one place that speaks SQL");

    private static final ArchRule uiNeverUsesJooqOrJdbc = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..")
            .because("the FX thread never touches the database")
            .allowEmptyShould(true);

    private static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideInAnyPackage(STORE, SOURCE, SYNC, CLI)
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs headless for the command line and agents");

    private static final ArchRule onlyTheCommandLinePrints = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the command line prints its output; everything else logs through SLF4J");

    private static final ArchRule loggingOnlyThroughSlf4j = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..",
                    "org.apache.logging.log4j..", "org.apache.log4j..", "org.apache.commons.logging..")
            .because("logging goes through SLF4J to one Logback configuration");

    private static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("domain").definedBy(DOMAIN)
            .layer("store").definedBy(STORE)
            .layer("source").definedBy(SOURCE)
            .layer("sync").definedBy(SYNC)
            .layer("cli").definedBy(CLI)
            .layer("ui").definedBy(UI)
            .whereLayer("domain").mayNotAccessAnyLayer()
            .whereLayer("store").mayOnlyAccessLayers("domain")
            .whereLayer("source").mayOnlyAccessLayers("domain")
            .whereLayer("sync").mayOnlyAccessLayers("domain", "store", "source");

    @Test
    void domainUsesNoUiDatabaseOrNetwork() {
        domainUsesNoUiDatabaseOrNetwork.check(classes);
    }

    @Test
    void domainUsesNoOtherBarkeepCode() {
        domainUsesNoOtherBarkeepCode.check(classes);
    }

    @Test
    void onlyTheStoreUsesJooqOrJdbc() {
        onlyTheStoreUsesJooqOrJdbc.check(classes);
    }

    @Test
    void uiNeverUsesJooqOrJdbc() {
        uiNeverUsesJooqOrJdbc.check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        onlyTheUiUsesJavaFx.check(classes);
    }

    @Test
    void onlyTheCommandLinePrints() {
        onlyTheCommandLinePrints.check(classes);
    }

    @Test
    void loggingOnlyThroughSlf4j() {
        loggingOnlyThroughSlf4j.check(classes);
    }

    @Test
    void layersDependOnlyDownwards() {
        layersDependOnlyDownwards.check(classes);
    }
}
