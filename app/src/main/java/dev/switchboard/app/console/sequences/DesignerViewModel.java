package dev.switchboard.app.console.sequences;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.Label;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.SequenceProblem;
import dev.switchboard.model.sequence.SequenceValidator;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.sequence.StepWindow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The sequence on the designer's canvas: every edit (add, move, connect, delete, a property) is a command that undo
 * takes back and redo does again; after each the validator runs and its problems are mapped to the steps they name.
 * A read-only graph (an old version) takes no edits. FX thread only.
 */
public final class DesignerViewModel {
    /** One undoable edit: the graph before and after it. */
    record Command(String label, Graph before, Graph after) {
    }

    /** An edge on the canvas, named by the step it leaves and the output it leaves from. */
    public record EdgeRef(String from, Port port) {
    }

    private final ReadOnlyObjectWrapper<Graph> graph = new ReadOnlyObjectWrapper<>(this, "graph",
            new Graph(Sequence.draft("new-sequence", "New sequence", List.of()), Map.of()));
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<EdgeRef> selectedEdge = new SimpleObjectProperty<>(this, "selectedEdge");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "Redo");
    private final ObservableList<SequenceProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<SequenceProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<SequenceBackend.TemplateChoice> templates = FXCollections.observableArrayList();
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper revision =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "revision");
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads");
    private Map<String, List<String>> byStep = Map.of();

    public DesignerViewModel() {
        selected.addListener((obs, was, now) -> {
            if (now != null) {
                selectedEdge.set(null);
            }
        });
        selectedEdge.addListener((obs, was, now) -> {
            if (now != null) {
                selected.set(null);
            }
        });
    }

    public ReadOnlyObjectProperty<Graph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public Graph getGraph() {
        return graph.get();
    }

    /** The selected step's id, or null. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ObjectProperty<EdgeRef> selectedEdgeProperty() {
        return selectedEdge;
    }

    public Optional<Step> selectedStep() {
        return selected.get() == null ? Optional.empty() : getGraph().step(selected.get());
    }

    /** Counts changes of the graph, its problems or its templates: the canvas redraws on each, once all are set. */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Counts {@link #load}s: the canvas fits the new graph in view on each. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo move sms-1". */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The validator's problems with the current graph. */
    public ObservableList<SequenceProblem> problems() {
        return problemsView;
    }

    /** The problems that name step {@code id}. */
    public List<String> problemsOf(String id) {
        return byStep.getOrDefault(id, List.of());
    }

    /** The templates touches may pick from; the validator checks templates against them once they are known. */
    public ObservableList<SequenceBackend.TemplateChoice> templates() {
        return templates;
    }

    public void setTemplates(List<SequenceBackend.TemplateChoice> choices) {
        templates.setAll(choices);
        validate();
        revision.set(revision.get() + 1);
    }

    /** The templates of one channel, for a touch's picker. */
    public List<SequenceBackend.TemplateChoice> templatesFor(Channel channel) {
        return templates.stream().filter(t -> t.channel() == channel).toList();
    }

    /** Shows {@code g} with no history to undo. */
    public void load(Graph g, boolean asReadOnly) {
        undo.clear();
        redo.clear();
        selected.set(null);
        selectedEdge.set(null);
        readOnly.set(asReadOnly);
        graph.set(g);
        stacksChanged();
        validate();
        revision.set(revision.get() + 1);
        loads.set(loads.get() + 1);
    }

    // ---- commands ----------------------------------------------------------------------------------------------

    /** Places a new step of {@code kind} at {@code at} and selects it; returns its id (null when read-only). */
    public String add(Palette kind, Point at) {
        if (readOnly.get()) {
            return null;
        }
        String id = getGraph().freshId(kind.idPrefix());
        String template = kind.channel().flatMap(c -> templatesFor(c).stream().findFirst())
                .map(SequenceBackend.TemplateChoice::id).orElse("");
        apply("add " + id, g -> g.withStep(kind.create(id, template), at));
        selected.set(id);
        return id;
    }

    public void move(String id, Point to) {
        apply("move " + id, g -> g.moved(id, to));
    }

    /** Routes {@code from}'s output {@code port} to step {@code to} (replacing where it went). */
    public void connect(String from, Port port, String to) {
        apply("connect " + from + " " + port.display(getGraph().step(from).orElseThrow()) + " → " + to,
                g -> g.connected(from, port, to));
    }

    /** The outputs step {@code id} could have that it does not show yet (a failure reason, another outcome). */
    public List<Port> addableOutputs(String id) {
        return getGraph().step(id).map(Port::addable).orElse(List.of());
    }

    /**
     * Gives step {@code from} the output {@code port}, routed to step {@code to} (an output is an edge: it needs a
     * step to go to). One command.
     */
    public void addOutput(String from, Port port, String to) {
        Step s = getGraph().step(from).orElse(null);
        if (s == null || !Port.supported(s).contains(port)) {
            return;
        }
        apply("add output " + port.display(s) + " to " + from, g -> g.connected(from, port, to));
    }

    /**
     * Removes the edge of {@code from}'s output {@code port}: an output the step's kind always shows stays on its
     * card, unconnected; any other output goes with it.
     */
    public void removeOutput(String from, Port port) {
        Step s = getGraph().step(from).orElse(null);
        if (s != null) {
            apply("remove output " + port.display(s) + " of " + from, g -> g.disconnected(from, port));
        }
    }

    public void disconnect(String from, Port port) {
        apply("disconnect " + from, g -> g.disconnected(from, port));
    }

    public void delete(String id) {
        apply("delete " + id, g -> g.without(id));
        if (id.equals(selected.get())) {
            selected.set(null);
        }
    }

    /** Deletes the selected step or edge (the Delete key). */
    public void deleteSelection() {
        if (selected.get() != null) {
            delete(selected.get());
        } else if (selectedEdge.get() != null) {
            EdgeRef e = selectedEdge.get();
            disconnect(e.from(), e.port());
            selectedEdge.set(null);
        }
    }

    public void autoLayout() {
        apply("auto-layout", Graph::laidOut);
    }

    public void makeEntry(String id) {
        apply("start at " + id, g -> g.withEntry(id));
    }

    /**
     * Gives a step a new id; returns a message naming the problem (blank, taken, bad characters) and changes nothing
     * then, else null.
     */
    public String rename(String id, String newId) {
        String n = newId.trim();
        if (n.equals(id)) {
            return null;
        }
        if (n.isEmpty()) {
            return "Step id: give the step an id.";
        }
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            return "Step id: use letters, digits, - and _ only (\"" + n + "\").";
        }
        if (getGraph().step(n).isPresent()) {
            return "Step id: another step is called \"" + n + "\".";
        }
        boolean wasSelected = id.equals(selected.get());
        apply("rename " + id + " to " + n, g -> g.renamed(id, n));
        if (wasSelected) {
            selected.set(n);
        }
        return null;
    }

    public void setName(String name) {
        apply("rename the sequence", g -> g.withName(name.strip()));
    }

    public void setDescription(String description) {
        apply("edit the description", g -> g.withDescription(description.strip()));
    }

    public void setPreferredChannelFirst(boolean flag) {
        apply("preferred channel first", g -> g.withPreferredChannelFirst(flag));
    }

    public void setTemplate(String id, String templateId) {
        touch(id, "template", t -> new Step.Touch(t.id(), t.channel(), templateId == null ? "" : templateId,
                t.maxAttempts(), t.retrySpacing(), t.window(), t.edges()));
    }

    /** Attempts = 1 + retries. */
    public void setRetries(String id, int retries) {
        touch(id, "retries", t -> new Step.Touch(t.id(), t.channel(), t.templateId(), retries + 1, t.retrySpacing(),
                t.window(), t.edges()));
    }

    public void setSpacing(String id, Duration spacing) {
        touch(id, "retry spacing", t -> new Step.Touch(t.id(), t.channel(), t.templateId(), t.maxAttempts(), spacing,
                t.window(), t.edges()));
    }

    /** The local-time window a touch may send in; empty: any time the rule pack allows. */
    public void setWindow(String id, Optional<StepWindow> window) {
        touch(id, "window", t -> new Step.Touch(t.id(), t.channel(), t.templateId(), t.maxAttempts(),
                t.retrySpacing(), window, t.edges()));
    }

    public void setWaitDuration(String id, Duration d) {
        step(id, "wait", Step.Wait.class, w -> new Step.Wait(w.id(), Optional.of(d), Optional.empty(), w.edges()));
    }

    public void setWaitUntil(String id, LocalTime time) {
        step(id, "wait", Step.Wait.class, w -> new Step.Wait(w.id(), Optional.empty(), Optional.of(time), w.edges()));
    }

    /**
     * What a branch tests. Switching between routing by outcome and by a condition drops the edges the new kind
     * has no output for.
     */
    public void setBranch(String id, BranchOn on, String condition) {
        step(id, "branch condition", Step.Branch.class, b -> {
            List<Edge> edges = b.edges().stream().filter(e -> e.on() == Label.ELSE
                    || (on == BranchOn.OUTCOME ? e.on() != Label.MATCH : e.on() == Label.MATCH)).toList();
            return new Step.Branch(b.id(), on, condition.strip(), edges);
        });
    }

    public void setExitReason(String id, String reason) {
        step(id, "exit reason", Step.Exit.class, x -> new Step.Exit(x.id(), reason.strip()));
    }

    private void touch(String id, String what, UnaryOperator<Step.Touch> edit) {
        step(id, what, Step.Touch.class, edit);
    }

    private <S extends Step> void step(String id, String what, Class<S> kind, UnaryOperator<S> edit) {
        apply("set " + what + " of " + id, g -> g.replaced(id, s -> kind.isInstance(s) ? edit.apply(kind.cast(s)) : s));
    }

    private void apply(String label, UnaryOperator<Graph> edit) {
        if (readOnly.get()) {
            return;
        }
        Graph before = getGraph();
        Graph after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        undo.push(new Command(label, before, after));
        redo.clear();
        show(after);
    }

    public void undo() {
        Command c = undo.poll();
        if (c != null) {
            redo.push(c);
            show(c.before());
        }
    }

    public void redo() {
        Command c = redo.poll();
        if (c != null) {
            undo.push(c);
            show(c.after());
        }
    }

    private void show(Graph g) {
        graph.set(g);
        if (selected.get() != null && g.step(selected.get()).isEmpty()) {
            selected.set(null);
        }
        EdgeRef e = selectedEdge.get();
        if (e != null && g.step(e.from()).map(s -> s.edges().stream().noneMatch(e.port()::matches)).orElse(true)) {
            selectedEdge.set(null);
        }
        stacksChanged();
        validate();
        revision.set(revision.get() + 1);
    }

    private void stacksChanged() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoLabel.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().label());
        redoLabel.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().label());
    }

    private void validate() {
        SequenceValidator validator = templates.isEmpty() ? SequenceValidator.withoutTemplates()
                : new SequenceValidator(id -> templates.stream().filter(t -> t.id().equals(id))
                .map(SequenceBackend.TemplateChoice::channel).findFirst());
        List<SequenceProblem> found = validator.validate(getGraph().sequence());
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (SequenceProblem p : found) {
            if (!p.stepId().isEmpty()) {
                map.computeIfAbsent(p.stepId(), k -> new ArrayList<>()).add(p.message());
            }
        }
        byStep = map;
        problems.setAll(found);
    }
}
