package dev.switchboard.app.console.sequences;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.sequences.DemoSequences;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.sequence.Sequence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SequenceBackend} over the open workspace's sequence and template services. */
public final class WorkspaceSequences implements SequenceBackend {
    private final Workspace workspace;

    public WorkspaceSequences(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public List<Summary> sequences() {
        return workspace.sequences().all().stream()
                .map(e -> new Summary(e.key(), e.name(), e.version(), e.published(), e.author())).toList();
    }

    @Override
    public List<SequenceService.Version> history(String key) {
        return workspace.sequences().history(key);
    }

    @Override
    public Optional<Design> open(String key, int version) {
        return workspace.sequences().design(key, version).map(d -> {
            Map<String, Point> layout = new LinkedHashMap<>();
            d.layout().forEach((step, p) -> layout.put(step, new Point(p.x(), p.y())));
            return new Design(d.sequence(), layout);
        });
    }

    @Override
    public List<TemplateChoice> templates() {
        return workspace.templates().all().stream().map(e -> e.version())
                .map(v -> new TemplateChoice(v.template().id(), v.template().name(), v.template().channel(),
                        v.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')))
                .toList();
    }

    @Override
    public List<Sequence> shipped() {
        return DemoSequences.all();
    }

    @Override
    public Sequence saveDraft(Actor by, Sequence sequence, Map<String, Point> layout)
            throws PermissionDeniedException {
        Map<String, SequenceService.Position> stored = new LinkedHashMap<>();
        layout.forEach((step, p) -> stored.put(step, new SequenceService.Position(p.x(), p.y())));
        return workspace.sequences().saveDraft(by, sequence, stored);
    }

    @Override
    public Sequence publish(Actor by, String key) throws PermissionDeniedException {
        return workspace.sequences().publish(by, key);
    }
}
