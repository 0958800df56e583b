package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;

/**
 * The Compliance screen: the rule pack in use (in the header), who is signed in, and the three tabs' models:
 * suppressions, blocks by rule, and the audit log. Acts as the session's profile; shows only what its role may do.
 */
public final class ComplianceViewModel {
    private final ComplianceBackend backend;
    private final TaskRunner tasks;
    private final SuppressionsModel suppressions;
    private final BlocksModel blocks;
    private final AuditModel audit;
    private final ReadOnlyStringWrapper rulePack = new ReadOnlyStringWrapper(this, "rulePack", "Rule pack …");
    private final ReadOnlyStringWrapper signedIn = new ReadOnlyStringWrapper(this, "signedIn");

    public ComplianceViewModel(ComplianceBackend backend, TaskRunner tasks, DialogService dialogs, Session session,
                               Clock clock) {
        this.backend = backend;
        this.tasks = tasks;
        this.suppressions = new SuppressionsModel(backend, tasks, dialogs, session, clock);
        this.blocks = new BlocksModel(backend, tasks);
        this.audit = new AuditModel(backend, tasks);
        session.actorProperty().subscribe(a -> signedIn.set(a == null ? "Nobody is signed in"
                : "Signed in as " + a.name() + " (" + Choices.role(a.profile().role()).toLowerCase(java.util.Locale.ROOT)
                + ")" + roleNote(a.profile().role())));
    }

    private static String roleNote(dev.switchboard.model.user.Role r) {
        if (Choices.mayDecide(r)) {
            return "";
        }
        return Choices.mayChange(r) ? ": you may add suppressions and ask for removals; a compliance or admin profile"
                + " approves them and imports files" : ": you may look, not change suppressions";
    }

    /** Reads everything the screen shows. */
    public void refresh() {
        tasks.task(backend::rulePack)
                .onSuccess(p -> rulePack.set("Rule pack " + p.label() + (p.effectiveFrom() == null ? ""
                        : " · effective " + p.effectiveFrom()) + (p.signOff() == null ? "" : " · signed off by "
                        + p.signOff())))
                .onFailure(e -> rulePack.set("Rule pack not loaded: " + SuppressionsModel.message(e)))
                .start();
        suppressions.refresh();
        blocks.refresh();
        audit.refresh();
    }

    public SuppressionsModel suppressions() {
        return suppressions;
    }

    public BlocksModel blocks() {
        return blocks;
    }

    public AuditModel audit() {
        return audit;
    }

    /** "Rule pack us-2026@2026.11 · effective 2026-11-01 · signed off by …". */
    public ReadOnlyStringProperty rulePackProperty() {
        return rulePack.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }
}
