package dev.switchboard.engine.sequences;

import dev.switchboard.engine.templates.DemoTemplates;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.SequenceProblem;
import dev.switchboard.model.sequence.SequenceValidator;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.SequenceRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sequences in the store: import a definition as a draft or save one from the designer with its layout (a new
 * version after a published one), publish it (a supervisor or admin; only a valid sequence; a published version
 * never changes), audited; the versions of a sequence as its history. Thread-safe; every method blocks on the store.
 */
public final class SequenceService {
    private final SequenceRepository sequences;
    private final TemplateService templates;
    private final AuditLogRepository audit;
    private final Clock clock;

    public SequenceService(SequenceRepository sequences, TemplateService templates, AuditLogRepository audit,
                           Clock clock) {
        this.sequences = sequences;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the designer placed a step on its canvas: layout only, never part of what the engine runs. */
    public record Position(double x, double y) {
    }

    /** A stored version with the designer's layout of its steps (empty when it has none). */
    public record Design(Sequence sequence, Map<String, Position> layout) {
        public Design {
            layout = Map.copyOf(layout);
        }
    }

    /** One stored version of a sequence, for its history. */
    public record Version(String key, int version, String name, boolean published, String author,
                          String publishedBy, Instant createdAt, Instant publishedAt) {
    }

    /** Stores a definition as a draft and returns it with the version it got; a stored layout of it is kept. */
    public Sequence importDraft(Actor by, Sequence definition) throws PermissionDeniedException {
        return store(by, definition, null);
    }

    /**
     * Stores a definition edited in the designer as a draft (authored by {@code by}; a new version after a
     * published one, else replacing the draft) with the layout of its steps. Blocks on the store; any thread.
     *
     * @throws PermissionDeniedException when {@code by}'s role may not edit sequences (only supervisors and admins)
     */
    public Sequence saveDraft(Actor by, Sequence definition, Map<String, Position> layout)
            throws PermissionDeniedException {
        return store(by, definition, layout);
    }

    private Sequence store(Actor by, Sequence definition, Map<String, Position> layout)
            throws PermissionDeniedException {
        if (!by.profile().role().mayPublishSequences()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role()
                    + ") may not edit sequences: that takes a supervisor or admin profile.");
        }
        Optional<SequenceRepository.Row> latest = sequences.latest(definition.id());
        int version = latest.map(r -> r.published() ? r.version() + 1 : r.version()).orElse(1);
        Sequence draft = new Sequence(definition.id(), definition.name(), version, false,
                definition.preferredChannelFirst(), definition.description(), definition.steps());
        String json = SequenceJson.write(draft);
        SequenceRepository.Row row = new SequenceRepository.Row(draft.id(), version, draft.name(), json, sha256(json),
                false, by.name(), null, clock.instant(), null);
        if (layout == null) {
            sequences.saveDraft(row);
        } else {
            Map<String, SequenceRepository.Position> stored = new LinkedHashMap<>();
            layout.forEach((step, p) -> {
                if (draft.step(step).isPresent()) {
                    stored.put(step, new SequenceRepository.Position(p.x(), p.y()));
                }
            });
            sequences.saveDraft(row, stored);
        }
        audit.append(by.name(), by.osLogin(), "sequence.draft", "sequence " + draft.id() + " v" + version,
                "content " + sha256(json), clock.instant());
        return draft;
    }

    /** Every stored version of a sequence, newest first; empty when there is no such sequence. */
    public List<Version> history(String key) {
        return sequences.versions(key).stream().map(r -> new Version(r.key(), r.version(), r.name(), r.published(),
                r.author(), r.publishedBy(), r.createdAt(), r.publishedAt())).toList();
    }

    /** A stored version, draft or published, with its layout. */
    public Optional<Design> design(String key, int version) {
        return sequences.version(key, version).map(r -> new Design(SequenceJson.read(r.definition()),
                toPositions(sequences.layout(key, version))));
    }

    /** What keeps {@code sequence} from being published, checked as {@link #publish} checks it. */
    public List<SequenceProblem> check(Sequence sequence) {
        return new SequenceValidator(this::templateChannel).validate(sequence);
    }

    /** Publishes the newest draft; refuses an invalid one with the validator's messages. */
    public Sequence publish(Actor by, String key) throws PermissionDeniedException {
        if (!by.profile().role().mayPublishSequences()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role()
                    + ") may not publish sequences: that takes a supervisor or admin profile.");
        }
        SequenceRepository.Row row = sequences.latest(key).orElseThrow(() -> new PermissionDeniedException(
                "No sequence '" + key + "' in the store; import it first."));
        if (row.published()) {
            throw new PermissionDeniedException("Sequence " + key + " v" + row.version() + " is published already.");
        }
        Sequence draft = SequenceJson.read(row.definition());
        List<String> problems = check(draft).stream().map(Object::toString).toList();
        if (!problems.isEmpty()) {
            throw new PermissionDeniedException("Sequence " + key + " cannot be published: "
                    + String.join("; ", problems));
        }
        Sequence published = draft.publish();
        String json = SequenceJson.write(published);
        sequences.publish(key, row.version(), json, by.name(), clock.instant());
        audit.append(by.name(), by.osLogin(), "sequence.publish", "sequence " + key + " v" + row.version(),
                "content " + row.contentHash(), clock.instant());
        return published;
    }

    /** A published version, as the engine runs it. */
    public Optional<Sequence> published(String key, int version) {
        return sequences.version(key, version).filter(SequenceRepository.Row::published)
                .map(r -> SequenceJson.read(r.definition()));
    }

    /** The newest published version of a sequence. */
    public Optional<Sequence> latestPublished(String key) {
        return sequences.latestPublished(key).map(r -> SequenceJson.read(r.definition()));
    }

    /**
     * Stores the shipped demo sequences as published version 1 (by the demo author, a system profile) when the
     * store holds none of them yet: a new store can run a demo campaign at once. Returns how many were stored.
     */
    public int seedDemoIfNew() {
        int n = 0;
        for (Sequence s : DemoSequences.all()) {
            if (sequences.latest(s.id()).isPresent()) {
                continue;
            }
            Sequence draft = new Sequence(s.id(), s.name(), 1, false, s.preferredChannelFirst(), s.description(),
                    s.steps());
            String json = SequenceJson.write(draft);
            sequences.saveDraft(new SequenceRepository.Row(s.id(), 1, s.name(), json, sha256(json), false,
                    DemoTemplates.AUTHOR, null, clock.instant(), null));
            Sequence published = draft.publish();
            sequences.publish(s.id(), 1, SequenceJson.write(published), DemoTemplates.AUTHOR,
                    clock.instant());
            audit.append(DemoTemplates.AUTHOR, "switchboard", "sequence.publish",
                    "sequence " + s.id() + " v1", "shipped demo sequence, content " + sha256(json), clock.instant());
            n++;
        }
        return n;
    }

    /** A stored sequence's newest version. */
    public record Entry(String key, int version, String name, boolean published, String author,
                        String publishedBy) {
    }

    public List<Entry> all() {
        return sequences.latestOfEach().stream().map(r -> new Entry(r.key(), r.version(), r.name(), r.published(),
                r.author(), r.publishedBy())).toList();
    }

    private static Map<String, Position> toPositions(Map<String, SequenceRepository.Position> stored) {
        Map<String, Position> out = new LinkedHashMap<>();
        stored.forEach((step, p) -> out.put(step, new Position(p.x(), p.y())));
        return out;
    }

    private Optional<Channel> templateChannel(String id) {
        return templates.all().stream().filter(e -> e.version().template().id().equals(id))
                .map(e -> e.version().template().channel()).findFirst();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
