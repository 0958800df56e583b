package dev.switchboard.app.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The console's rules from the house style, checked on its classes. */
class ConsoleArchitectureTest {
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.app.console");

    @Test
    void viewModelsKnowNoControlsOrWindows() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameEndingWith("Model")
                .or().haveNameMatching(".*\\.(PagedList|LazyRow|MappingRow|ListHeader|TaskRunner|DialogService"
                        + "|CoalescingUpdater)")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models run in plain JUnit; views bind to them")
                .check(CONSOLE);
    }

    @Test
    void theConsoleReachesTheStoreOnlyThroughTheEngine() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.switchboard.persistence..", "org.jooq..", "java.sql..", "org.h2..")
                .check(CONSOLE);
    }

    @Test
    void executorsAreMadeOnceInTheCompositionRoot() {
        noClasses().that().doNotHaveSimpleName("AppContext")
                .should().dependOnClassesThat().belongToAnyOf(Executors.class)
                .check(CONSOLE);
        noClasses().that().doNotHaveSimpleName("NamedThreadFactory")
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .check(CONSOLE);
    }
}
