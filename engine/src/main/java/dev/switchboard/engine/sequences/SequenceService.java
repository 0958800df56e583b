package dev.switchboard.engine.sequences;

import dev.switchboard.engine.templates.DemoTemplates;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.SequenceValidator;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.SequenceRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Sequences in the store: import a definition as a draft (a new version after a published one), publish it (a
 * supervisor or admin; only a valid sequence; a published version never changes), audited.
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

    /** Stores a definition as a draft and returns it with the version it got. */
    public Sequence importDraft(Actor by, Sequence definition) throws PermissionDeniedException {
        if (!by.profile().role().mayPublishSequences()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role()
                    + ") may not edit sequences: that takes a supervisor or admin profile.");
        }
        Optional<SequenceRepository.Row> latest = sequences.latest(definition.id());
        int version = latest.map(r -> r.published() ? r.version() + 1 : r.version()).orElse(1);
        Sequence draft = new Sequence(definition.id(), definition.name(), version, false,
                definition.preferredChannelFirst(), definition.description(), definition.steps());
        String json = SequenceJson.write(draft);
        sequences.saveDraft(new SequenceRepository.Row(draft.id(), version, draft.name(), json, sha256(json), false,
                by.name(), null, clock.instant(), null));
        audit.append(by.name(), by.osLogin(), "sequence.draft", "sequence " + draft.id() + " v" + version,
                "content " + sha256(json), clock.instant());
        return draft;
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
        List<String> problems = new SequenceValidator(this::templateChannel).validate(draft).stream()
                .map(Object::toString).toList();
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
