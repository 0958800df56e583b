package dev.switchboard.app.console.users;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.compliance.Tables;
import dev.switchboard.engine.users.UserService;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Users screen: for an admin, the profiles (name, role, created) with Create profile, Change role and Reset
 * password; for anyone else, a notice. Binds to {@link UsersViewModel}.
 */
public final class UsersView {
    private final UsersViewModel vm;
    private final BorderPane root = new BorderPane();

    public UsersView(UsersViewModel vm) {
        this.vm = vm;
        root.setId("usersScreen");
        Label title = Ui.label(null, "Users", Styles.TITLE_4);
        Button create = Ui.button("createProfileButton", "Create profile…", Feather.USER_PLUS);
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> UserDialogs.create(window(), vm));
        create.visibleProperty().bind(vm.adminProperty());
        HBox header = new HBox(title, Ui.spacer(), create);
        header.getStyleClass().addAll("pane-header", "screen-header");
        root.setTop(header);

        Node profiles = profiles();
        profiles.visibleProperty().bind(vm.adminProperty());
        VBox notice = Ui.emptyState(Feather.LOCK, "Admins only", null, null);
        Label text = Ui.label("usersNotice", "", "muted");
        text.textProperty().bind(vm.noticeProperty());
        text.setWrapText(true);
        notice.getChildren().add(text);
        notice.setMaxWidth(520);
        notice.visibleProperty().bind(vm.adminProperty().not());
        root.setCenter(new StackPane(profiles, notice));
    }

    public Parent root() {
        return root;
    }

    public UsersViewModel viewModel() {
        return vm;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node profiles() {
        TableView<UserService.Account> table = Tables.table("profilesTable", "No profiles");
        table.setItems(vm.accounts());
        table.getColumns().add(Tables.column("Name", 200, a -> a.profile().name()));
        table.getColumns().add(Tables.column("Role", 140, a -> UsersViewModel.role(a.profile().role())));
        table.getColumns().add(Tables.column("Created", 160, a -> Formats.instant(a.profile().createdAt())));
        table.getColumns().add(Tables.column("Signs in", 300, a -> a.system()
                ? "no: a system profile (the demo data's)" : "with its password"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().subscribe(a -> {
            if (a == null) {
                table.getSelectionModel().clearSelection();
            } else if (a != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(a);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        var personSelected = Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                && !vm.selectedProperty().get().system(), vm.selectedProperty());
        Button role = Ui.button("changeRoleButton", "Change role…", Feather.USERS);
        role.setOnAction(e -> UserDialogs.changeRole(window(), vm, vm.selectedProperty().get()));
        role.disableProperty().bind(personSelected.not().or(vm.busyProperty()));
        Button reset = Ui.button("resetPasswordButton", "Reset password…", Feather.KEY);
        reset.setOnAction(e -> UserDialogs.resetPassword(window(), vm, vm.selectedProperty().get()));
        reset.disableProperty().bind(personSelected.not().or(vm.busyProperty()));
        Label outcome = Ui.label("usersOutcome", "");
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.setWrapText(true);
        vm.outcomeOkProperty().subscribe(ok -> {
            outcome.getStyleClass().removeAll("check-ok", "problem-text");
            outcome.getStyleClass().add(ok ? "check-ok" : "problem-text");
        });
        HBox actions = new HBox(role, reset, outcome);
        actions.getStyleClass().add("settings-actions");
        Label intro = Ui.label(null, "Each person has a local profile; its role decides what the screens offer and"
                + " what the services allow. Every change here is audited.", "muted");
        intro.setWrapText(true);
        VBox box = new VBox(10, intro, actions, table);
        box.setStyle("-fx-padding: 12 16 12 16;");
        return box;
    }
}
