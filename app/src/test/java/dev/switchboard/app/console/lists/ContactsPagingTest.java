package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.ConsoleServices;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.LazyRow;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.FakeImporter;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.CountingDirectory;
import dev.switchboard.app.console.testing.FakeDirectory;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Samples;
import dev.switchboard.model.contact.Contact;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** The contacts table over a 20,000-contact list reads only the pages it shows. */
@ExtendWith(ApplicationExtension.class)
class ContactsPagingTest {
    private static final int SIZE = 20_000;

    private final CountingDirectory directory = new CountingDirectory(new FakeDirectory()
            .add(Samples.summary(1, "Big list", SIZE, 0)));
    private final Fx fx = new Fx();

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        ConsoleServices services = new ConsoleServices(directory, new FakeImporter(), fx.tasks(),
                new FakeDialogService(), () -> false);
        Scene scene = new Scene(services.listsView().root(), 1280, 800);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void showsTheFirstRowsAndScrollingToTheEndReadsOnlyThePagesShown(FxRobot robot) {
        TableView<LazyRow<Contact>> table = robot.lookup("#contactsTable").queryTableView();
        Fx.waitUntil(20, "the first rows show", () -> table.getItems().size() == SIZE && shows(robot, "C-000000"));
        long afterFirstPage = directory.rowsFetched();
        assertThat(afterFirstPage).isBetween(1L, 400L);

        robot.interact(() -> table.scrollTo(SIZE - 1));
        Fx.waitUntil(20, "the last row shows", () -> shows(robot, "C-019999"));

        assertThat(Fx.call(() -> table.getItems().get(SIZE - 1).getValue().data().firstName())).isNotBlank();
        assertThat(directory.rowsFetched())
                .as("rows read from the directory for a %d-row list", SIZE)
                .isLessThanOrEqualTo(1_000);
        assertThat(directory.pageReads()).isLessThanOrEqualTo(5);
    }

    @Test
    void searchingShowsTheMatchingContactsOnly(FxRobot robot) {
        TableView<LazyRow<Contact>> table = robot.lookup("#contactsTable").queryTableView();
        Fx.waitUntil(20, "the first rows show", () -> shows(robot, "C-000000"));

        robot.clickOn("#searchField").write("C-01234");

        Fx.waitUntil(20, "the search narrows the table", () -> table.getItems().size() == 10
                && shows(robot, "C-012340"));
        assertThat(robot.lookup("#contactsCount").queryLabeled().getText()).isEqualTo("10 of 20,000 contacts match");
    }

    private static boolean shows(FxRobot robot, String text) {
        return robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .anyMatch(cell -> text.equals(cell.getText()) && cell.isVisible());
    }
}
