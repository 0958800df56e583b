package dev.switchboard.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The module edges of docs/architecture.md, held on the compiled classes of every module:
 * {@code model <- persistence, genesys <- engine <- app}; the sandbox stands alone; model is pure.
 */
class ModuleEdgesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("dev.switchboard.model..")
                .layer("persistence").definedBy("dev.switchboard.persistence..")
                .layer("genesys").definedBy("dev.switchboard.genesys..")
                .layer("sandbox").definedBy("dev.switchboard.sandbox..")
                .layer("engine").definedBy("dev.switchboard.engine..")
                .layer("app").definedBy("dev.switchboard.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("engine").mayOnlyBeAccessedByLayers("app")
                .whereLayer("sandbox").mayOnlyBeAccessedByLayers("app")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("genesys").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("model").mayOnlyBeAccessedByLayers("persistence", "genesys", "engine", "app")
                .check(classes);
    }

    @Test
    void sandboxImportsNothingOfTheProject() {
        noClasses().that().resideInAPackage("dev.switchboard.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.model..",
                        "dev.switchboard.persistence..", "dev.switchboard.genesys..", "dev.switchboard.engine..",
                        "dev.switchboard.app..")
                .because("the sandbox stands on the published API shapes, not on the client's classes")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modelIsPure() {
        noClasses().that().resideInAPackage("dev.switchboard.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "okhttp3..", "java.sql..",
                        "java.net..", "java.nio.file..", "org.h2..", "tools.jackson..", "de.siegmar..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .because("model holds domain types and pure policies: no IO, no JavaFX, no jOOQ, no OkHttp")
                .check(classes);
    }

    @Test
    void onlyTheAppTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.switchboard.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyPersistenceSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("dev.switchboard.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.h2..",
                        "org.flywaydb..")
                .because("only persistence sees DSLContext, generated jOOQ classes and SQL")
                .check(classes);
    }
}
