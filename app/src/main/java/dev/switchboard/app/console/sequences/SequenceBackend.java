package dev.switchboard.app.console.sequences;

import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Sequences screen needs of the store. Every method blocks on the store: call them on a worker. Saving and
 * publishing act as the given profile; a role that may not is refused with a {@link PermissionDeniedException}, and
 * so is publishing an invalid sequence (with the validator's problems in the message).
 */
public interface SequenceBackend {

    /** A stored sequence, as its newest version. */
    record Summary(String key, String name, int version, boolean published, String author) {
    }

    /** A template a touch may use. */
    record TemplateChoice(String id, String name, Channel channel, String state) {
        @Override
        public String toString() {
            return id;
        }
    }

    /** A version as the designer opens it: the sequence and the stored layout of its steps (maybe none). */
    record Design(Sequence sequence, Map<String, Point> layout) {
    }

    List<Summary> sequences();

    /** Every stored version, newest first. */
    List<SequenceService.Version> history(String key);

    Optional<Design> open(String key, int version);

    List<TemplateChoice> templates();

    /** The sequences shipped with Switchboard, as their files define them. */
    List<Sequence> shipped();

    /** Stores a draft (a new version after a published one) with its layout; returns it with its version. */
    Sequence saveDraft(Actor by, Sequence sequence, Map<String, Point> layout) throws PermissionDeniedException;

    /** Publishes the newest draft of {@code key}. */
    Sequence publish(Actor by, String key) throws PermissionDeniedException;
}
