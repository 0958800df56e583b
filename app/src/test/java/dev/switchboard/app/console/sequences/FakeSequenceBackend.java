package dev.switchboard.app.console.sequences;

import dev.switchboard.engine.sequences.DemoSequences;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.SequenceValidator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory store of sequence versions that refuses as the service does (role, invalid, published). */
final class FakeSequenceBackend implements SequenceBackend {
    record Stored(Sequence sequence, Map<String, Point> layout, String author, String publishedBy) {
    }

    final List<Stored> versions = new ArrayList<>();
    final List<TemplateChoice> templates = new ArrayList<>(List.of(
            new TemplateChoice("voice-default", "Default call", Channel.VOICE, "approved"),
            new TemplateChoice("overdue-1", "Overdue reminder", Channel.SMS, "approved"),
            new TemplateChoice("offer-email", "Offer", Channel.EMAIL, "approved")));

    @Override
    public List<Summary> sequences() {
        Map<String, Stored> newest = new LinkedHashMap<>();
        for (Stored s : versions) {
            newest.merge(s.sequence().id(), s, (a, b) -> a.sequence().version() > b.sequence().version() ? a : b);
        }
        return newest.values().stream().map(s -> new Summary(s.sequence().id(), s.sequence().name(),
                s.sequence().version(), s.sequence().published(), s.author())).toList();
    }

    @Override
    public List<SequenceService.Version> history(String key) {
        return versions.stream().filter(s -> s.sequence().id().equals(key))
                .sorted(Comparator.comparingInt((Stored s) -> s.sequence().version()).reversed())
                .map(s -> new SequenceService.Version(key, s.sequence().version(), s.sequence().name(),
                        s.sequence().published(), s.author(), s.publishedBy(), Instant.EPOCH,
                        s.publishedBy() == null ? null : Instant.EPOCH))
                .toList();
    }

    @Override
    public Optional<Design> open(String key, int version) {
        return versions.stream().filter(s -> s.sequence().id().equals(key) && s.sequence().version() == version)
                .findFirst().map(s -> new Design(s.sequence(), s.layout()));
    }

    @Override
    public List<TemplateChoice> templates() {
        return templates;
    }

    @Override
    public List<Sequence> shipped() {
        return DemoSequences.all();
    }

    @Override
    public Sequence saveDraft(Actor by, Sequence sequence, Map<String, Point> layout)
            throws PermissionDeniedException {
        if (!by.profile().role().mayPublishSequences()) {
            throw new PermissionDeniedException(by.name() + " may not edit sequences");
        }
        Optional<Stored> latest = latest(sequence.id());
        int version = latest.map(s -> s.sequence().published() ? s.sequence().version() + 1
                : s.sequence().version()).orElse(1);
        latest.filter(s -> !s.sequence().published()).ifPresent(versions::remove);
        Sequence draft = new Sequence(sequence.id(), sequence.name(), version, false,
                sequence.preferredChannelFirst(), sequence.description(), sequence.steps());
        versions.add(new Stored(draft, Map.copyOf(layout), by.name(), null));
        return draft;
    }

    @Override
    public Sequence publish(Actor by, String key) throws PermissionDeniedException {
        if (!by.profile().role().mayPublishSequences()) {
            throw new PermissionDeniedException(by.name() + " may not publish sequences");
        }
        Stored s = latest(key).orElseThrow(() -> new PermissionDeniedException("No sequence " + key));
        if (s.sequence().published()) {
            throw new PermissionDeniedException(key + " is published already");
        }
        var problems = new SequenceValidator(id -> templates.stream().filter(t -> t.id().equals(id))
                .map(TemplateChoice::channel).findFirst()).validate(s.sequence());
        if (!problems.isEmpty()) {
            throw new PermissionDeniedException(key + " cannot be published: " + problems);
        }
        versions.remove(s);
        Stored published = new Stored(s.sequence().publish(), s.layout(), s.author(), by.name());
        versions.add(published);
        return published.sequence();
    }

    private Optional<Stored> latest(String key) {
        return versions.stream().filter(s -> s.sequence().id().equals(key))
                .max(Comparator.comparingInt(s -> s.sequence().version()));
    }
}
