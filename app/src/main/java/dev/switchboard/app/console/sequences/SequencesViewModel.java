package dev.switchboard.app.console.sequences;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.user.Role;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Sequences screen: the stored sequences, the one open in the designer (the newest version of a stored one,
 * editable: saving makes a draft, a new version after a published one; an old version read-only; a shipped one as a
 * new draft; or a new one), saving it as a draft and publishing it as the signed-in profile, and its version history.
 * Save and Publish say why they are not possible when they are not. FX thread only; the store is read and written
 * through {@link TaskRunner}.
 */
public final class SequencesViewModel {
    /**
     * What the designer shows.
     *
     * @param key      the stored sequence, or null for one never saved
     * @param version  the stored version shown, or 0
     * @param readOnly an old version, shown but not edited
     */
    public record Opened(String key, int version, boolean published, boolean readOnly) {
    }

    private final SequenceBackend backend;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Session session;
    private final DesignerViewModel designer = new DesignerViewModel();
    private final ObservableList<SequenceBackend.Summary> sequences = FXCollections.observableArrayList();
    private final ObservableList<SequenceService.Version> history = FXCollections.observableArrayList();
    private final ObservableList<Sequence> shipped = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>(this, "opened",
            new Opened(null, 0, false, false));
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyStringWrapper saveBlocked = new ReadOnlyStringWrapper(this, "saveBlocked");
    private final ReadOnlyStringWrapper publishBlocked = new ReadOnlyStringWrapper(this, "publishBlocked");
    private Graph saved;

    public SequencesViewModel(SequenceBackend backend, TaskRunner tasks, DialogService dialogs, Session session) {
        this.backend = backend;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.session = session;
        saved = designer.getGraph();
        designer.revisionProperty().subscribe(this::update);
        session.actorProperty().subscribe(this::update);
        opened.subscribe(this::update);
        busy.subscribe(this::update);
    }

    public DesignerViewModel designer() {
        return designer;
    }

    public ObservableList<SequenceBackend.Summary> sequences() {
        return sequences;
    }

    /** The versions of the open sequence, newest first. */
    public ObservableList<SequenceService.Version> history() {
        return history;
    }

    public ObservableList<Sequence> shipped() {
        return shipped;
    }

    public ReadOnlyObjectProperty<Opened> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Draft v2 · unsaved changes", "Published v1 · edits are saved as draft v2", "v1 · read-only". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What just happened ("Saved draft v2"); null when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why Save draft is not possible now, or null when it is. */
    public ReadOnlyStringProperty saveBlockedProperty() {
        return saveBlocked.getReadOnlyProperty();
    }

    /** Why Publish is not possible now, or null when it is. */
    public ReadOnlyStringProperty publishBlockedProperty() {
        return publishBlocked.getReadOnlyProperty();
    }

    /** True when the signed-in profile may edit and publish sequences. */
    public boolean mayEdit() {
        return session.role().map(Role::mayPublishSequences).orElse(false);
    }

    /** Reads the stored sequences, the templates and the shipped sequences. */
    public void refresh() {
        tasks.task(() -> new Lists(backend.sequences(), backend.templates(), backend.shipped()))
                .onSuccess(l -> {
                    sequences.setAll(l.sequences());
                    shipped.setAll(l.shipped());
                    designer.setTemplates(l.templates());
                })
                .onFailure(e -> dialogs.showError("Sequences not read", message(e)))
                .start();
    }

    private record Lists(List<SequenceBackend.Summary> sequences, List<SequenceBackend.TemplateChoice> templates,
                         List<Sequence> shipped) {
    }

    /** Opens the newest version of a stored sequence for editing. */
    public void open(SequenceBackend.Summary summary) {
        if (summary != null && discardChanges()) {
            load(summary.key(), summary.version(), false);
        }
    }

    /** Opens a version from the history, read-only. */
    public void openVersion(SequenceService.Version version) {
        if (version != null && discardChanges()) {
            load(version.key(), version.version(), true);
        }
    }

    /** Makes the read-only version shown the start of a new draft. */
    public void editAsNewDraft() {
        Opened o = opened.get();
        if (!o.readOnly()) {
            return;
        }
        Graph g = designer.getGraph();
        designer.load(g, false);
        opened.set(new Opened(o.key(), o.version(), o.published(), false));
        notice.set("Editing a copy of v" + o.version() + ": Save draft stores it as a new draft.");
    }

    /** Opens a shipped sequence as a new draft of the stored sequence of its id. */
    public void openShipped(Sequence sequence) {
        if (sequence == null || !discardChanges()) {
            return;
        }
        Graph g = Graph.of(sequence, Map.of());
        designer.load(g, false);
        saved = new Graph(Sequence.draft("", "", List.of()), Map.of());
        history.clear();
        opened.set(new Opened(sequence.id(), 0, false, false));
        notice.set("The shipped \"" + sequence.name() + "\": Save draft stores it as a new version of "
                + sequence.id() + ".");
        loadHistory(sequence.id());
    }

    /** An empty canvas for a new sequence. */
    public void newSequence() {
        if (!discardChanges()) {
            return;
        }
        Graph g = new Graph(Sequence.draft("new-sequence", "New sequence", List.of()), Map.of());
        designer.load(g, false);
        saved = g;
        history.clear();
        opened.set(new Opened(null, 0, false, false));
        notice.set("Drag steps from the palette onto the canvas, then connect their outputs.");
    }

    /** Stores the sequence as a draft, with its layout. */
    public void saveDraft() {
        if (saveBlocked.get() != null) {
            return;
        }
        String key = keyToSave();
        if (key == null) {
            return;
        }
        Actor actor = session.require();
        Graph g = designer.getGraph();
        busy.set(true);
        tasks.task(() -> backend.saveDraft(actor, g.withId(key).sequence(), g.positions()))
                .onSuccess(s -> {
                    stored(g, new Opened(key, s.version(), false, false));
                    notice.set("Saved draft v" + s.version() + " of " + key + ".");
                })
                .onFailure(e -> dialogs.showError("Draft not saved", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Saves the sequence (when it has changes) and publishes it as a new version. */
    public void publish() {
        if (publishBlocked.get() != null) {
            return;
        }
        String key = keyToSave();
        if (key == null) {
            return;
        }
        Actor actor = session.require();
        Graph g = designer.getGraph();
        boolean save = dirty.get() || opened.get().published() || opened.get().version() == 0;
        busy.set(true);
        tasks.task(() -> {
            if (save) {
                backend.saveDraft(actor, g.withId(key).sequence(), g.positions());
            }
            return backend.publish(actor, key);
        }).onSuccess(s -> {
            stored(g, new Opened(key, s.version(), true, false));
            notice.set("Published " + key + " v" + s.version() + ": new campaigns can use it now.");
        }).onFailure(e -> {
            dialogs.showError("Not published", message(e));
            refreshAfterChange(key);
        }).andFinally(() -> busy.set(false)).start();
    }

    private void stored(Graph g, Opened now) {
        saved = g;
        opened.set(now);
        update();
        refreshAfterChange(now.key());
    }

    private void refreshAfterChange(String key) {
        tasks.task(backend::sequences).onSuccess(sequences::setAll)
                .onFailure(e -> dialogs.showError("Sequences not read", message(e))).start();
        loadHistory(key);
    }

    private void loadHistory(String key) {
        tasks.task(() -> backend.history(key)).onSuccess(history::setAll)
                .onFailure(e -> dialogs.showError("History not read", message(e))).start();
    }

    private void load(String key, int version, boolean readOnly) {
        busy.set(true);
        tasks.task(() -> backend.open(key, version).orElseThrow(() -> new IllegalStateException(
                        "Sequence " + key + " v" + version + " is no longer in the store.")))
                .onSuccess(d -> {
                    Graph g = Graph.of(d.sequence(), d.layout());
                    designer.load(g, readOnly);
                    saved = g;
                    opened.set(new Opened(key, version, d.sequence().published(), readOnly));
                    notice.set(null);
                    loadHistory(key);
                })
                .onFailure(e -> dialogs.showError("Sequence not opened", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** The id to store under: the open sequence's, or for a new one made of its name (null after an error). */
    private String keyToSave() {
        Opened o = opened.get();
        if (o.key() != null) {
            return o.key();
        }
        String name = designer.getGraph().sequence().name();
        String key = Steps.slug(name);
        if (key.isEmpty()) {
            dialogs.showError("Not saved", "Name: give the sequence a name (letters or digits) before saving it.");
            return null;
        }
        if (sequences.stream().anyMatch(s -> s.key().equals(key))) {
            dialogs.showError("Not saved", "Name: a sequence with the id \"" + key + "\" exists already; choose"
                    + " another name, or open that sequence to make a new version of it.");
            return null;
        }
        return key;
    }

    private boolean discardChanges() {
        return !dirty.get() || dialogs.ask("Discard changes?", "The open sequence has changes that are not saved.",
                "Discard changes");
    }

    private void update() {
        Opened o = opened.get();
        boolean changed = !designer.getGraph().sameContentAs(saved);
        dirty.set(changed && !o.readOnly());
        status.set(statusText(o, changed));
        saveBlocked.set(saveBlock(o, changed));
        publishBlocked.set(publishBlock(o, changed));
    }

    private static String statusText(Opened o, boolean changed) {
        if (o.readOnly()) {
            return "v" + o.version() + (o.published() ? " (published)" : " (draft)") + " · read-only";
        }
        if (o.version() == 0) {
            return o.key() == null ? "New sequence · not saved" : "New draft of " + o.key() + " · not saved";
        }
        if (o.published()) {
            return "Published v" + o.version() + (changed ? " · unsaved changes, saved as draft v" + (o.version() + 1)
                    : " · edits are saved as draft v" + (o.version() + 1));
        }
        return "Draft v" + o.version() + (changed ? " · unsaved changes" : " · saved");
    }

    private String roleBlock(String what) {
        Actor a = session.actor().orElse(null);
        if (a == null) {
            return "Sign in as a supervisor or an admin to " + what + " sequences.";
        }
        Role role = a.profile().role();
        if (!role.mayPublishSequences()) {
            return "Only a supervisor or an admin may " + what + " sequences; you are signed in as " + a.name() + " ("
                    + role.name().toLowerCase(Locale.ROOT) + ").";
        }
        return null;
    }

    /** What stops saving or publishing whatever the content: the role, a save under way, a read-only version. */
    private String editBlock(String what, Opened o) {
        String role = roleBlock(what);
        if (role != null) {
            return role;
        }
        if (busy.get()) {
            return "Saving…";
        }
        if (o.readOnly()) {
            return "Version " + o.version() + " is read-only: choose Edit as new draft first.";
        }
        return null;
    }

    private String saveBlock(Opened o, boolean changed) {
        String blocked = editBlock("save", o);
        if (blocked != null) {
            return blocked;
        }
        if (!changed && o.version() > 0) {
            return "No changes to save.";
        }
        return null;
    }

    private String publishBlock(Opened o, boolean changed) {
        String blocked = editBlock("publish", o);
        if (blocked != null) {
            return blocked;
        }
        int n = designer.problems().size();
        if (n > 0) {
            return "Fix the " + (n == 1 ? "problem" : n + " problems") + " listed under the canvas first.";
        }
        if (o.published() && !changed) {
            return "Version " + o.version() + " is published already: edit the sequence to make version "
                    + (o.version() + 1) + ".";
        }
        return null;
    }

    private static String message(Throwable e) {
        if (e instanceof PermissionDeniedException) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
