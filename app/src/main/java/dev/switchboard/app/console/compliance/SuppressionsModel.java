package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.users.Actor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Suppressions tab: search (address fragment, kind, channel) a page at a time; add; ask for a removal and decide
 * pending ones (two people); import and export CSV; sync the org's DNC lists.
 */
public final class SuppressionsModel {
    static final int PAGE = 100;
    private static final int MAX_PROBLEMS_SHOWN = 500;

    private final ComplianceBackend backend;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Session session;
    private final Clock clock;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Choices.KindFilter> kindFilter = new SimpleObjectProperty<>(this, "kindFilter",
            Choices.KindFilter.ANY);
    private final ObjectProperty<Choices.ChannelChoice> channelFilter = new SimpleObjectProperty<>(this,
            "channelFilter", Choices.ChannelChoice.ALL);
    private final ObservableList<SuppressionService.Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SuppressionService.Page> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final ObjectProperty<SuppressionService.Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<SuppressionService.RemovalRequest> pending = FXCollections.observableArrayList();
    private final ObjectProperty<SuppressionService.RemovalRequest> selectedRequest = new SimpleObjectProperty<>(
            this, "selectedRequest");
    private final Set<Long> pendingIds = new HashSet<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper pendingVersion =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "pendingVersion");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome");
    private final ReadOnlyBooleanWrapper outcomeOk = new ReadOnlyBooleanWrapper(this, "outcomeOk", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(this, "importProgress", -1);
    private final ObservableList<String> importProblems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper(this, "syncText", "…");
    private final ReadOnlyBooleanWrapper canChange = new ReadOnlyBooleanWrapper(this, "canChange");
    private final ReadOnlyBooleanWrapper canDecide = new ReadOnlyBooleanWrapper(this, "canDecide");
    private final BooleanBinding canApprove;
    private final BooleanBinding canReject;
    private Cancellable pendingSearch = Cancellable.NONE;
    private int offset;

    SuppressionsModel(ComplianceBackend backend, TaskRunner tasks, DialogService dialogs, Session session,
                      Clock clock) {
        this.backend = backend;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.session = session;
        this.clock = clock;
        session.actorProperty().subscribe(a -> {
            canChange.set(a != null && Choices.mayChange(a.profile().role()));
            canDecide.set(a != null && Choices.mayDecide(a.profile().role()));
        });
        canApprove = Bindings.createBooleanBinding(() -> canDecide.get() && selectedRequest.get() != null
                && !own(selectedRequest.get()), canDecide, selectedRequest, session.actorProperty());
        canReject = Bindings.createBooleanBinding(() -> selectedRequest.get() != null
                && (canDecide.get() || own(selectedRequest.get())), canDecide, selectedRequest,
                session.actorProperty());
        searchText.addListener((o, was, now) -> {
            pendingSearch.cancel();
            pendingSearch = tasks.later(Duration.ofMillis(300), this::search);
        });
        kindFilter.addListener((o, was, now) -> search());
        channelFilter.addListener((o, was, now) -> search());
    }

    private boolean own(SuppressionService.RemovalRequest r) {
        return session.actor().map(a -> a.name().equals(r.requestedBy())).orElse(false);
    }

    /** Reads the first page of the search, the pending removals and the last DNC sync. */
    public void refresh() {
        offset = 0;
        load();
        loadPending();
        loadSync();
    }

    /** Runs the search from its first page. */
    public void search() {
        pendingSearch.cancel();
        offset = 0;
        load();
    }

    public void nextPage() {
        SuppressionService.Page p = page.get();
        if (p != null && offset + PAGE < p.total()) {
            offset += PAGE;
            load();
        }
    }

    public void previousPage() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE);
            load();
        }
    }

    SuppressionService.Search currentSearch() {
        String text = searchText.get() == null || searchText.get().isBlank() ? null : searchText.get().strip();
        return new SuppressionService.Search(text, kindFilter.get() == null ? null : kindFilter.get().kind(),
                channelFilter.get() == null ? null : channelFilter.get().channel());
    }

    private void load() {
        SuppressionService.Search s = currentSearch();
        int from = offset;
        tasks.task(() -> backend.search(s, from, PAGE))
                .onSuccess(p -> {
                    page.set(p);
                    Long keep = selected.get() == null ? null : selected.get().id();
                    entries.setAll(p.entries());
                    selected.set(keep == null ? null : p.entries().stream().filter(e -> e.id() == keep).findFirst()
                            .orElse(null));
                })
                .onFailure(e -> say(false, "The suppressions could not be read: " + message(e)))
                .start();
    }

    private void loadPending() {
        tasks.task(backend::pendingRemovals)
                .onSuccess(list -> {
                    Long keep = selectedRequest.get() == null ? null : selectedRequest.get().id();
                    pendingIds.clear();
                    list.forEach(r -> pendingIds.add(r.suppression().id()));
                    pending.setAll(list);
                    selectedRequest.set(keep == null ? null : list.stream().filter(r -> r.id() == keep).findFirst()
                            .orElse(null));
                    pendingVersion.set(pendingVersion.get() + 1);
                })
                .onFailure(e -> say(false, "The pending removals could not be read: " + message(e)))
                .start();
    }

    private void loadSync() {
        tasks.task(backend::syncState)
                .onSuccess(s -> syncText.set(describe(s)))
                .onFailure(e -> syncText.set("Last sync unknown: " + message(e)))
                .start();
    }

    static String describe(ComplianceBackend.SyncState s) {
        if (s.lastComplete().isEmpty() && s.last().isEmpty()) {
            return "Never synced with the org's Genesys DNC lists";
        }
        StringBuilder b = new StringBuilder();
        s.lastComplete().ifPresent(c -> b.append("Last complete sync ").append(Formats.instant(c.startedAt()))
                .append(": ").append(Formats.count(c.lists(), "list", "lists")).append(", ")
                .append(Formats.count(c.entries(), "entry", "entries")));
        s.last().filter(l -> l.problem() != null).ifPresent(l -> b.append(b.isEmpty() ? "" : ". ")
                .append("Sync at ").append(Formats.instant(l.startedAt())).append(" incomplete: ")
                .append(l.problem()));
        return b.toString();
    }

    /** Whether {@code e} has a removal waiting for approval. */
    public boolean removalPending(SuppressionService.Entry e) {
        return e != null && pendingIds.contains(e.id());
    }

    // ---- add ------------------------------------------------------------------------------------------------------

    /** A fresh form for the Add suppression dialog. */
    public AddSuppressionForm newForm() {
        return new AddSuppressionForm();
    }

    /**
     * Adds what {@code form} holds as the signed-in profile; {@code done} runs (on the UI thread) once it is
     * recorded. A refused address lands on the form's address field; other refusals are shown as errors.
     */
    public void add(AddSuppressionForm form, Runnable done) {
        if (!form.validate(LocalDate.now(clock))) {
            return;
        }
        Actor by = session.require();
        String address = form.addressProperty().get().strip();
        var kind = form.kindProperty().get();
        var channel = form.channelProperty().get() == null ? null : form.channelProperty().get().channel();
        var expires = form.expiresAt();
        String reason = form.reasonProperty().get().strip();
        busy.set(true);
        tasks.task(() -> backend.add(by, kind, channel, address, expires, reason))
                .onSuccess(id -> {
                    say(true, "Suppression " + id + " recorded: " + Choices.kind(kind) + ", "
                            + Choices.channel(channel) + ". It applies to every contact with this address now.");
                    done.run();
                    search();
                })
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException) {
                        form.addressRefused(message(e));
                    } else {
                        dialogs.showError("Suppression not added", message(e));
                    }
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    // ---- removal with two people ------------------------------------------------------------------------------------

    /**
     * Asks for {@code entry} to be lifted, with {@code reason}; nothing is lifted until a different compliance or
     * admin profile approves. Returns a message for the dialog's reason field when the reason is missing (nothing is
     * sent then), else null.
     */
    public String requestRemoval(SuppressionService.Entry entry, String reason) {
        if (reason == null || reason.isBlank()) {
            return "Reason: say why it should be lifted (the approver reads it; it goes into the audit log)";
        }
        Actor by = session.require();
        busy.set(true);
        tasks.task(() -> backend.requestRemoval(by, entry.id(), reason.strip()))
                .onSuccess(id -> {
                    say(true, "Removal of " + entry.suppression().key() + " requested (request " + id + "): a"
                            + " different compliance or admin profile must approve it before it is lifted.");
                    loadPending();
                })
                .onFailure(e -> dialogs.showError("Removal not requested", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
        return null;
    }

    /** Approves the selected pending request: the suppression is lifted. */
    public void approveSelected() {
        SuppressionService.RemovalRequest r = selectedRequest.get();
        if (r == null) {
            return;
        }
        Actor by = session.require();
        busy.set(true);
        tasks.task(() -> {
                    backend.approveRemoval(by, r.id());
                    return r;
                })
                .onSuccess(x -> {
                    say(true, "Suppression of " + r.suppression().suppression().key() + " lifted (asked by "
                            + r.requestedBy() + ", approved by " + by.name() + ").");
                    selectedRequest.set(null);
                    loadPending();
                    load();
                })
                .onFailure(e -> dialogs.showError("Removal not approved", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Rejects (or, for the one who asked, withdraws) the selected pending request; the suppression stays. */
    public void rejectSelected(String note) {
        SuppressionService.RemovalRequest r = selectedRequest.get();
        if (r == null) {
            return;
        }
        Actor by = session.require();
        busy.set(true);
        tasks.task(() -> {
                    backend.rejectRemoval(by, r.id(), note);
                    return r;
                })
                .onSuccess(x -> {
                    say(true, "Removal request " + r.id() + " " + (own(r) ? "withdrawn" : "rejected") + ": "
                            + r.suppression().suppression().key() + " stays suppressed.");
                    selectedRequest.set(null);
                    loadPending();
                })
                .onFailure(e -> dialogs.showError("Removal request not rejected", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    // ---- CSV ------------------------------------------------------------------------------------------------------

    /** Asks for a CSV file and imports it (all rows or none); the progress and then a report show on the tab. */
    public void importCsv() {
        Actor by = session.require();
        Path file = dialogs.chooseFileToOpen("Import suppressions (CSV: address,kind,channel,reason,expires)")
                .orElse(null);
        if (file == null) {
            return;
        }
        busy.set(true);
        importProblems.clear();
        importProgress.set(0);
        say(true, "Importing " + file.getFileName() + " …");
        tasks.task(() -> backend.importCsv(by, file, (done, total) -> tasks.onUi(() -> {
                    if (importProgress.get() >= 0) {
                        importProgress.set(total == 0 ? 1 : (double) done / total);
                    }
                })))
                .onSuccess(r -> {
                    say(true, "Imported " + r.file() + ": " + Formats.count(r.rows(), "row", "rows") + ", "
                            + Formats.count(r.added(), "suppression", "suppressions") + " added, "
                            + Formats.count(r.alreadyThere()) + " in the list already.");
                    refresh();
                })
                .onFailure(e -> {
                    if (e instanceof SuppressionService.ImportRefusedException refused) {
                        say(false, refused.getMessage());
                        List<String> lines = refused.problems().stream().limit(MAX_PROBLEMS_SHOWN)
                                .map(p -> p.line() == 0 ? p.message() : p.toString()).toList();
                        importProblems.setAll(lines);
                        if (refused.problems().size() > MAX_PROBLEMS_SHOWN) {
                            importProblems.add("… and " + Formats.count(refused.problems().size()
                                    - MAX_PROBLEMS_SHOWN) + " more");
                        }
                    } else {
                        say(false, "Import failed: " + message(e));
                    }
                })
                .andFinally(() -> {
                    importProgress.set(-1);
                    busy.set(false);
                })
                .start();
    }

    /** Hides the last import's problem report. */
    public void dismissReport() {
        importProblems.clear();
    }

    /** Asks where to write, then exports what the search shows (every page of it). */
    public void exportCsv() {
        Actor by = session.require();
        SuppressionService.Search s = currentSearch();
        Path file = dialogs.chooseFileToSave("Export suppressions", "suppressions-" + LocalDate.now(clock) + ".csv")
                .orElse(null);
        if (file == null) {
            return;
        }
        busy.set(true);
        tasks.task(() -> backend.exportCsv(by, s, file))
                .onSuccess(n -> say(true, "Exported " + Formats.count(n, "suppression", "suppressions") + " to "
                        + file + "."))
                .onFailure(e -> dialogs.showError("Export failed", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    // ---- Genesys DNC ----------------------------------------------------------------------------------------------

    /** Syncs the org's DNC lists into the suppressions now. */
    public void syncDnc() {
        Actor by = session.require();
        syncing.set(true);
        tasks.task(() -> backend.syncDnc(by))
                .onSuccess(r -> {
                    say(r.complete(), (r.complete() ? "Synced " : "Sync incomplete: ") + Formats.count(r.lists(),
                            "DNC list", "DNC lists") + ", " + Formats.count(r.entries(), "entry", "entries") + ", "
                            + Formats.count(r.added(), "suppression", "suppressions") + " added"
                            + (r.complete() ? "." : ": " + r.problem()));
                    refresh();
                })
                .onFailure(e -> say(false, "Sync failed: " + message(e)))
                .andFinally(() -> syncing.set(false))
                .start();
    }

    private void say(boolean ok, String text) {
        outcomeOk.set(ok);
        outcome.set(text);
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "1–100 of 2,345", or "No suppressions match". */
    public static String pageLabel(SuppressionService.Page p) {
        if (p == null) {
            return "…";
        }
        if (p.total() == 0) {
            return "No suppressions match";
        }
        return Formats.count(p.offset() + 1) + "–" + Formats.count(p.offset() + p.entries().size()) + " of "
                + Formats.count(p.total());
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Choices.KindFilter> kindFilterProperty() {
        return kindFilter;
    }

    public ObjectProperty<Choices.ChannelChoice> channelFilterProperty() {
        return channelFilter;
    }

    public ObservableList<SuppressionService.Entry> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<SuppressionService.Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObjectProperty<SuppressionService.Entry> selectedProperty() {
        return selected;
    }

    public ObservableList<SuppressionService.RemovalRequest> pending() {
        return pending;
    }

    public ObjectProperty<SuppressionService.RemovalRequest> selectedRequestProperty() {
        return selectedRequest;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outcomeOkProperty() {
        return outcomeOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0 to 1 while an import runs, -1 otherwise. */
    public ReadOnlyDoubleProperty importProgressProperty() {
        return importProgress.getReadOnlyProperty();
    }

    /** The bad rows of the last refused import ("line 4, kind: …"); empty when there is nothing to report. */
    public ObservableList<String> importProblems() {
        return importProblems;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }

    /** The signed-in role may add, ask for removals and export. */
    public ReadOnlyBooleanProperty canChangeProperty() {
        return canChange.getReadOnlyProperty();
    }

    /** The signed-in role may approve or reject removals and import files. */
    public ReadOnlyBooleanProperty canDecideProperty() {
        return canDecide.getReadOnlyProperty();
    }

    /** The selected request may be approved by the signed-in profile (a decider who did not ask for it). */
    public BooleanBinding canApproveProperty() {
        return canApprove;
    }

    public BooleanBinding canRejectProperty() {
        return canReject;
    }

    /** Whether the selected request is the signed-in profile's own (it may withdraw, never approve it). */
    public boolean selectedIsOwn() {
        return selectedRequest.get() != null && own(selectedRequest.get());
    }

    /** Changes whenever the pending removals were read again (the table redraws its "removal pending" marks). */
    public javafx.beans.property.ReadOnlyIntegerProperty pendingVersionProperty() {
        return pendingVersion.getReadOnlyProperty();
    }
}
