package dev.switchboard.app.console.common;

import dev.switchboard.app.console.imports.ImportWizard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloadTest {
    @Test
    void loadsEveryClassOfThePackageWithoutRunningStaticInitialisers() {
        int loaded = ClassPreload.packageOf(ImportWizard.class);

        // the wizard's views, view models and their nested and lambda-holding classes
        assertThat(loaded).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aClassFromNoFolderOrJarLoadsNothing() {
        assertThat(ClassPreload.packageOf(String.class)).as("a platform class has no code source").isZero();
    }
}
