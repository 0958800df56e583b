package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.ConsoleServices;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.LazyRow;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.engine.Workspace;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactField;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.PhoneType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The import wizard driven like a user would, against a real workspace in a temporary folder. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardEndToEndTest {
    static final String CSV = """
            Customer ID,First Name,Last Name,Mobile,Email
            Q-1,Ana,Smith,(415) 734-2671,ana@example.com
            Q-2,Ben,Jones,+1 212 736 5000,
            Q-3,Chloé,Martin,305.734.2671,chloe@example.com
            Q-4,Dmitri,Petrov,1-512-734-2671,dmitri@example.com
            Q-5,Eve,Adams,,eve@example.com
            Q-6,Farah,Khan,(617) 734-2671,
            Q-7,Guo,Li,206-734-2671,guo@example.com
            Q-8,Hana,Sato,4047342671,hana@example.com
            Q-9,Ivan,Horvat,(602) 734-2671,
            Q-10,José,García,(303) 734-2671,jose@example.com
            Q-11,Kai,Bad,(415) 555-0123,
            Q-12,Lena,Bad,123,
            Q-13,Mateo,Bad,(900) 555-1234,
            Q-14,Nia,Bad,911,
            Q-15,Omar,Bad,,
            """;

    @TempDir
    static Path root;
    private final Fx fx = new Fx();
    private Workspace workspace;
    private Path csv;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(root, "case");
        csv = dir.resolve("q4-leads.csv");
        Files.writeString(csv, CSV, StandardCharsets.UTF_8);
        workspace = Workspace.open(dir.resolve("data"), "the wizard test");
        Themes.apply(false);
        ConsoleServices services = new ConsoleServices(workspace.contacts(), Importer.of(workspace.imports()),
                fx.tasks(), new FakeDialogService(), () -> false);
        Scene scene = new Scene(services.listsView().root(), 1280, 800);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        workspace.close();
    }

    @Test
    void importsAFileTypedInAndShowsItsContactsAndRejectedRows(FxRobot robot) {
        Fx.waitUntil(30, "the empty state shows", () -> visible(robot, "#listsEmptyState"));
        robot.clickOn("#emptyImportButton");
        Fx.waitUntil(20, "the wizard opens", () -> visible(robot, "#wizardFilePage"));

        robot.clickOn("#wizardFile").write(csv.toString());
        assertThat(robot.lookup("#wizardFile").queryAs(TextField.class).getText()).isEqualTo(csv.toString());
        ComboBox<?> listName = robot.lookup("#wizardListName").queryAs(ComboBox.class);
        assertThat(listName.getEditor().getText()).isEqualTo("q4-leads");
        robot.clickOn("#wizardNext");

        Fx.waitUntil(30, "the preview shows", () -> visible(robot, "#wizardPreviewPage"));
        assertThat(text(robot, "#wizardDetected")).contains("Detected UTF-8", "comma");
        assertThat(choice(robot, "#mapField-0")).isEqualTo(ContactField.EXTERNAL_KEY);
        assertThat(choice(robot, "#mapField-1")).isEqualTo(ContactField.FIRST_NAME);
        assertThat(choice(robot, "#mapField-2")).isEqualTo(ContactField.LAST_NAME);
        assertThat(choice(robot, "#mapField-3")).isEqualTo(ContactField.PHONE);
        assertThat(choice(robot, "#mapType-3")).isEqualTo(PhoneType.MOBILE);
        assertThat(choice(robot, "#mapField-4")).isEqualTo(ContactField.EMAIL);
        assertThat(robot.lookup("#wizardSample").queryTableView().getItems()).hasSize(10);
        robot.clickOn("#wizardNext");

        Fx.waitUntil(60, "the summary shows", () -> visible(robot, "#wizardSummaryPage"));
        assertThat(text(robot, "#summaryInserted")).isEqualTo("10");
        assertThat(text(robot, "#summaryRejected")).isEqualTo("5");
        assertThat(text(robot, "#summaryHeadline")).contains("q4-leads");
        robot.clickOn("#wizardShowRejected");

        Fx.waitUntil(20, "the wizard closes", () -> robot.lookup("#importWizard").tryQuery().isEmpty());
        TableView<LazyRow<ImportIssue>> rejected = robot.lookup("#rejectedTable").queryTableView();
        Fx.waitUntil(30, "the rejected rows show", () -> rejected.getItems().size() == 5
                && rejected.getItems().stream().allMatch(LazyRow::isLoaded));
        assertThat(Fx.call(() -> robot.lookup("#detailTabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId())).isEqualTo("rejectedTab");
        assertThat(Fx.call(() -> rejected.getItems().stream().map(r -> r.getValue().issue().reason()).toList()))
                .hasSize(5).allSatisfy(reason -> assertThat(reason).isNotBlank())
                .anySatisfy(reason -> assertThat(reason).containsIgnoringCase("fictional"))
                .anySatisfy(reason -> assertThat(reason).containsIgnoringCase("premium"));

        assertThat(text(robot, "#listName")).isEqualTo("q4-leads");
        assertThat(text(robot, "#statInserted")).isEqualTo("10");
        assertThat(text(robot, "#statRejected")).isEqualTo("5");
        TableView<LazyRow<Contact>> contacts = robot.lookup("#contactsTable").queryTableView();
        Fx.waitUntil(30, "the contacts show", () -> contacts.getItems().size() == 10
                && contacts.getItems().stream().allMatch(LazyRow::isLoaded));
        assertThat(Fx.call(() -> contacts.getItems().stream().map(r -> r.getValue().data().externalKey()).toList()))
                .containsExactlyInAnyOrder("Q-1", "Q-2", "Q-3", "Q-4", "Q-5", "Q-6", "Q-7", "Q-8", "Q-9", "Q-10");
        assertThat(text(robot, "#contactsCount")).isEqualTo("10 contacts");
    }

    @Test
    void aFileThatIsNotThereIsExplainedOnTheFilePage(FxRobot robot) {
        Fx.waitUntil(30, "the empty state shows", () -> visible(robot, "#listsEmptyState"));
        robot.clickOn("#importButton");
        Fx.waitUntil(20, "the wizard opens", () -> visible(robot, "#wizardFilePage"));
        robot.interact(() -> robot.lookup("#wizardFile").queryAs(TextField.class)
                .setText(root.resolve("no-such-file.csv").toString()));

        robot.clickOn("#wizardNext");

        Fx.waitUntil(30, "the problem shows", () -> visible(robot, "#wizardError"));
        assertThat(text(robot, "#wizardError")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(visible(robot, "#wizardFilePage")).isTrue();
        robot.clickOn("#wizardCancel");
        Fx.waitUntil(20, "the wizard closes", () -> robot.lookup("#importWizard").tryQuery().isEmpty());
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(ImportWizardEndToEndTest::treeVisible).orElse(false);
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow()
                .isShowing();
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private static Object choice(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(ChoiceBox.class).getValue());
    }
}
