package dev.switchboard.engine.campaigns;

import dev.switchboard.model.sequence.Outcome;
import java.util.List;
import java.util.Optional;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.persistence.EngineRepository;
import java.time.Instant;

/** What the step runner and the reconciler need of the running engine. */
interface EngineContext {
    EngineRepository repo();

    ContactDirectory contacts();

    RulePack pack();

    SuppressionView suppressionView();

    GenesysClient client();

    SendJournal journal();

    int epoch();

    Instant now();

    /** When this engine started (its clock): news of what was placed before may have come while none listened. */
    Instant startedAt();

    void emit(EngineEvent event);

    void countSend();

    /** The test seam of {@link Engine.Probe}. */
    void probe(String point);

    void pauseCampaign(long campaignId, String reason);

    /** Records a suppression in its own durable commit, forced to disk, before returning. */
    void suppress(Suppression.Kind kind, Channel channel, String address, String reason, String source);

    /**
     * Sends hold the read lock from their last gate check to the end of their call; suppressions the engine writes
     * take the write lock, so none commits between a send's check and its request (see {@link StepRunner}).
     */
    java.util.concurrent.locks.ReadWriteLock dispatchLock();

    void wakeReconciler();

    /** Wakes the poll thread (an enrollment became due). */
    void wake();

    /**
     * An exit reported about the contact (a conversion, an opt-out) that its enrollment in this campaign has not
     * taken yet.
     */
    Optional<Outcome> exitSignal(long contactId, long campaignId);

    /**
     * The person behind {@code contactId} opted out (a keyword, a do-not-call wrap-up code, RecipientOptedOut): the
     * opt-out handling (suppression first, confirmation, DNC push, withdrawal everywhere) runs for it.
     */
    void optedOut(long contactId, String address, String how);

    /** Lifts the SMS keyword opt-outs of a number (an opt-in keyword from that number); returns how many. */
    int liftSmsOptOut(String number, String why);

    /** Counts an event for the campaign's circuit breakers; a trip pauses the campaign with the reason. */
    void breaker(long campaignId, CircuitBreakers.Kind kind);

    /** The SMS senders' carrier limits (durable counters). */
    dev.switchboard.engine.throughput.SenderThrottle throttle();

    /** Volume SMS through Genesys messaging campaigns. */
    MessagingDelivery messaging();

    /** The ids of the Genesys DNC lists every dialer or messaging campaign of the engine carries. */
    List<String> dncLists();
}
