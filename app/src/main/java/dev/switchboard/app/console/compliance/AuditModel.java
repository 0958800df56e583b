package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.model.audit.AuditEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Audit log tab: the hash-chained log a page at a time, newest first, and Verify, which walks the whole chain on
 * a worker and says "Chain intact: N entries" or shows the first broken row.
 */
public final class AuditModel {
    static final int PAGE = 100;
    private static final Pattern ROW = Pattern.compile("^row (\\d+):");

    private final ComplianceBackend backend;
    private final TaskRunner tasks;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper(this, "pageLabel", "…");
    private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper(this, "hasNewer");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(this, "intact", true);
    private long last;

    AuditModel(ComplianceBackend backend, TaskRunner tasks) {
        this.backend = backend;
        this.tasks = tasks;
    }

    /** Shows the newest page. */
    public void refresh() {
        showFrom(Long.MAX_VALUE, null);
    }

    public void older() {
        if (!entries.isEmpty()) {
            showFrom(entries.getLast().seq() - 1, null);
        }
    }

    public void newer() {
        if (!entries.isEmpty()) {
            showFrom(Math.min(last, entries.getFirst().seq() + PAGE), null);
        }
    }

    /** Shows the page whose newest row is {@code seq} (MAX_VALUE for the newest), selecting {@code select}. */
    private void showFrom(long seq, Long select) {
        tasks.task(() -> new Read(backend.auditLastSeq(), backend.auditPage(seq == Long.MAX_VALUE ? Long.MAX_VALUE
                        : seq + 1, PAGE)))
                .onSuccess(r -> {
                    last = r.last();
                    entries.setAll(r.page());
                    hasNewer.set(!r.page().isEmpty() && r.page().getFirst().seq() < r.last());
                    hasOlder.set(!r.page().isEmpty() && r.page().getLast().seq() > 1);
                    pageLabel.set(r.page().isEmpty() ? "The audit log is empty" : "Rows "
                            + Formats.count(r.page().getLast().seq()) + "–" + Formats.count(r.page().getFirst().seq())
                            + " of " + Formats.count(r.last()));
                    selected.set(select == null ? null : r.page().stream().filter(e -> e.seq() == select).findFirst()
                            .orElse(null));
                })
                .onFailure(e -> pageLabel.set("The audit log could not be read: " + SuppressionsModel.message(e)))
                .start();
    }

    private record Read(long last, java.util.List<AuditEntry> page) {
    }

    /** Walks the whole chain on a worker; a broken chain shows its first broken row. */
    public void verify() {
        verifying.set(true);
        verdict.set("Verifying the chain …");
        intact.set(true);
        tasks.task(backend::verifyAudit)
                .onSuccess(v -> {
                    if (v.problem().isEmpty()) {
                        intact.set(true);
                        verdict.set("Chain intact: " + Formats.count(v.rows(), "entry", "entries"));
                        if (!hasNewer.get()) {
                            refresh(); // the newest page shows the rows written since it was read
                        }
                        return;
                    }
                    intact.set(false);
                    String problem = v.problem().get();
                    verdict.set("Chain broken at " + problem + " (" + Formats.count(v.rows(), "entry", "entries")
                            + " checked)");
                    Matcher m = ROW.matcher(problem);
                    if (m.find()) {
                        long seq = Long.parseLong(m.group(1));
                        showFrom(Math.min(last == 0 ? seq : last, seq + PAGE / 2), seq);
                    }
                })
                .onFailure(e -> {
                    intact.set(false);
                    verdict.set("Verification failed: " + SuppressionsModel.message(e));
                })
                .andFinally(() -> verifying.set(false))
                .start();
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty pageLabelProperty() {
        return pageLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNewerProperty() {
        return hasNewer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** "Chain intact: N entries", "Chain broken at row 17: …", or null before a verification. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
    }
}
