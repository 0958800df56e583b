package dev.switchboard.app.console.lists;

import atlantafx.base.controls.CustomTextField;
import dev.switchboard.app.console.common.LazyRow;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ImportIssue;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Function;

/** The right side of the Lists screen: a list's header, search field, and its contacts and issues in tabs. */
final class ListDetailView {
    private final ListDetailViewModel vm;
    private final VBox root = new VBox();
    private final TabPane tabs = new TabPane();
    private final Tab contactsTab = new Tab("Contacts");
    private final Tab rejectedTab = new Tab("Rejected rows");
    private final Tab issuesTab = new Tab("All issues");

    ListDetailView(ListDetailViewModel vm) {
        this.vm = vm;
        root.setId("listDetail");
        root.getStyleClass().add("list-detail");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(header(), stats(), toolbar(), tabs(), message());
    }

    VBox root() {
        return root;
    }

    private HBox header() {
        Label name = Ui.label("listName", "", "list-title");
        name.textProperty().bind(vm.headerProperty().map(ListHeader::name));
        Label details = Ui.label("listDetails", "", "muted");
        details.textProperty().bind(vm.headerProperty().map(ListHeader::details));
        Button export = Ui.button("exportVerdictsButton", "Export verdicts…", Feather.DOWNLOAD);
        export.disableProperty().bind(vm.headerProperty().map(h -> !h.hasImport()));
        export.setOnAction(e -> vm.exportVerdicts());
        HBox header = new HBox(new VBox(2, name, details), Ui.spacer(), export);
        header.getStyleClass().add("list-header");
        return header;
    }

    private HBox stats() {
        Label last = Ui.label("lastImport", "", "muted");
        last.textProperty().bind(vm.headerProperty().map(ListHeader::lastImport));
        HBox stats = new HBox(
                stat("statInserted", "inserted", ListHeader::inserted, "success"),
                stat("statUpdated", "updated", ListHeader::updated),
                stat("statUnchanged", "unchanged", ListHeader::unchanged),
                stat("statRejected", "rejected", ListHeader::rejected, "danger"),
                last);
        stats.getStyleClass().add("list-stats");
        return stats;
    }

    private VBox stat(String id, String caption, Function<ListHeader, String> value,
                      String... styles) {
        Label label = Ui.label(id, "");
        label.textProperty().bind(vm.headerProperty().map(value));
        VBox stat = Ui.stat(label, caption, styles);
        stat.visibleProperty().bind(vm.headerProperty().map(ListHeader::hasImport));
        stat.managedProperty().bind(stat.visibleProperty());
        return stat;
    }

    private HBox toolbar() {
        CustomTextField search = new CustomTextField();
        search.setId("searchField");
        search.setPromptText("Search by key, name, email or phone");
        search.setLeft(Ui.icon(Feather.SEARCH));
        search.setPrefWidth(340);
        search.textProperty().bindBidirectional(vm.filterTextProperty());
        Label count = Ui.label("contactsCount", "", "muted");
        count.textProperty().bind(Bindings.when(vm.searchingProperty()).then("Searching…")
                .otherwise(vm.contactsTextProperty()));
        HBox bar = new HBox(search, count);
        bar.getStyleClass().add("detail-toolbar");
        return bar;
    }

    private TabPane tabs() {
        TableView<LazyRow<Contact>> contacts = ContactTable.create();
        contacts.itemsProperty().bind(vm.contactsProperty());
        Label noContacts = new Label();
        noContacts.textProperty().bind(Bindings.createStringBinding(() -> vm.filterTextProperty().get().isBlank()
                ? "This list has no contacts" : "No contacts match “" + vm.filterTextProperty().get().strip() + "”",
                vm.filterTextProperty()));
        contacts.setPlaceholder(noContacts);
        if (vm.canOpenTimeline()) {
            // a double click, Enter or the context menu opens the contact's timeline in a window of its own
            Runnable open = () -> {
                LazyRow<Contact> row = contacts.getSelectionModel().getSelectedItem();
                if (row != null && row.isLoaded()) {
                    vm.openTimeline(row.getValue());
                }
            };
            Ui.rowAction(contacts, "openTimeline", "Open timeline", open);
            contacts.setTooltip(new javafx.scene.control.Tooltip("Double-click a contact (or press Enter) for its"
                    + " timeline"));
        }

        TableView<LazyRow<ImportIssue>> rejected = IssueTable.create("rejectedTable", false);
        rejected.itemsProperty().bind(vm.rejectedProperty());
        rejected.setPlaceholder(new Label("No rejected rows in the last import"));
        TableView<LazyRow<ImportIssue>> issues = IssueTable.create("issuesTable", true);
        issues.itemsProperty().bind(vm.issuesProperty());
        issues.setPlaceholder(new Label("No issues in the last import"));

        contactsTab.setId("contactsTab");
        contactsTab.setContent(contacts);
        rejectedTab.setId("rejectedTab");
        rejectedTab.setContent(rejected);
        rejectedTab.textProperty().bind(vm.rejectedProperty().map(l -> "Rejected rows (" + l.size() + ")"));
        issuesTab.setId("issuesTab");
        issuesTab.setContent(issues);
        issuesTab.textProperty().bind(vm.issuesProperty().map(l -> "All issues (" + l.size() + ")"));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(contactsTab, rejectedTab, issuesTab);

        select(vm.tabProperty().get());
        vm.tabProperty().addListener((obs, was, now) -> select(now));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                vm.tabProperty().set(now == rejectedTab ? ListDetailViewModel.Tab.REJECTED
                        : now == issuesTab ? ListDetailViewModel.Tab.ISSUES : ListDetailViewModel.Tab.CONTACTS));
        return tabs;
    }

    private void select(ListDetailViewModel.Tab tab) {
        tabs.getSelectionModel().select(switch (tab) {
            case CONTACTS -> contactsTab;
            case REJECTED -> rejectedTab;
            case ISSUES -> issuesTab;
        });
    }

    private Label message() {
        Label message = Ui.label("detailMessage", "", "detail-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
