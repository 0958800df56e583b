package dev.switchboard.app.console.timeline;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.ops.LocalOperations;
import dev.switchboard.engine.ops.OperationException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What the contact timeline screen reads: a contact's timeline, the gate's answer for a touch now, and its evidence
 * CSV. Blocking calls, made off the UI thread; tests give a fake.
 */
public interface ContactTimelines {

    /** The contact's timeline (past and planned). */
    Timelines.Timeline timeline(String list, String key) throws OperationException;

    /** Why the gate would allow, defer or block a touch of {@code channel} for the campaign now. */
    Timelines.Explanation whyNot(String list, String key, String channel, String campaign, ZoneId viewer)
            throws OperationException;

    /** The contact's evidence CSV. */
    String evidence(String list, String key) throws OperationException;

    /** A contact's list and external key. */
    record Ref(String list, String key) {
    }

    /** The list and key of the contact with store id {@code contactId}. */
    Optional<Ref> ref(long contactId);

    /** "Now" on the engine's clock. */
    java.time.Instant now();

    /** Over an open workspace, with the engine's clock for "now" (virtual on a fast sandbox). */
    static ContactTimelines of(Workspace workspace, Clock clock) {
        LocalOperations ops = new LocalOperations(workspace, null, () -> null, clock);
        return new ContactTimelines() {
            @Override
            public Timelines.Timeline timeline(String list, String key) throws OperationException {
                return ops.timeline(list, key);
            }

            @Override
            public Timelines.Explanation whyNot(String list, String key, String channel, String campaign,
                                                ZoneId viewer) throws OperationException {
                String purpose = Optional.ofNullable(campaign).flatMap(workspace.campaigns()::find)
                        .map(dev.switchboard.engine.campaigns.CampaignService.View::purpose).orElse("service");
                return ops.explain(list, key, channel.toLowerCase(Locale.ROOT), null, purpose, viewer);
            }

            @Override
            public String evidence(String list, String key) throws OperationException {
                return ops.evidence(list, key);
            }

            @Override
            public Optional<Ref> ref(long contactId) {
                return workspace.contacts().contact(contactId).flatMap(c -> workspace.contacts().lists().stream()
                        .filter(l -> l.list().id() == c.listId()).findFirst()
                        .map(l -> new Ref(l.list().name(), c.data().externalKey())));
            }

            @Override
            public java.time.Instant now() {
                return clock.instant();
            }
        };
    }
}
