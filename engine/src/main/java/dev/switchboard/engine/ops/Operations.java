package dev.switchboard.engine.ops;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.Timelines;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the command line (and later the console) asks of Switchboard's campaigns. The same interface is served in
 * process when no engine runs ({@link LocalOperations}, which opens the store) and over the authenticated loopback
 * API of the running engine ({@link RemoteOperations}); only one process ever opens the store.
 */
public interface Operations extends AutoCloseable {

    /** Who acts, checked by the process that holds the store; the password is sent only over loopback. */
    record Credentials(String name, String password) {
        @Override
        public String toString() {
            return "Credentials[" + name + "]";
        }
    }

    /** An attempt in the operator queue: UNKNOWN, with what the reconciler found. */
    record QueueItem(long attemptId, String campaign, String contactKey, String step, String channel,
                     String address, Instant createdAt, int epoch, String reason, String evidence) {
    }

    /** Where an answer came from: "engine" (pid) or "store" (no engine was running). */
    String via();

    /**
     * An event from outside (a CRM, a payment system, an email provider): {@code type} CONVERSION (also PAYMENT),
     * OPT_OUT, BOUNCE, UNSUBSCRIBE or ENROLL; the contact by its external key (in {@code list}, or the campaign's
     * list, or the only list that has the key), or the email address for bounces and unsubscribes. {@code id} makes
     * a repeated delivery a no-op.
     */
    record IntakeEvent(String id, String type, String contact, String list, String campaign, String email,
                       java.time.Instant occurredAt, String note) {
    }

    /** What became of one intake event: accepted, duplicate or rejected (with the field at fault). */
    record IntakeResult(String id, String type, String status, String detail) {
    }

    /** Records intake events (each on its own) and processes them when an engine runs. */
    List<IntakeResult> intake(List<IntakeEvent> events, String source) throws OperationException;

    List<CampaignService.View> campaigns() throws OperationException;

    CampaignService.View create(Credentials as, CampaignService.Spec spec) throws OperationException;

    CampaignService.LaunchReport launch(Credentials as, String campaign) throws OperationException;

    CampaignService.View approveLifeSafety(Credentials as, String campaign, String reason) throws OperationException;

    CampaignService.View pause(Credentials as, String campaign, String reason) throws OperationException;

    default CampaignService.View resume(Credentials as, String campaign, String reason) throws OperationException {
        return resume(as, campaign, reason, false);
    }

    /** Resume; a campaign a circuit breaker paused needs {@code acknowledge} (audited with the breaker's reason). */
    CampaignService.View resume(Credentials as, String campaign, String reason, boolean acknowledge)
            throws OperationException;

    CampaignService.View stop(Credentials as, String campaign, String reason) throws OperationException;

    void killSwitch(Credentials as, boolean on, String reason) throws OperationException;

    boolean killSwitchOn() throws OperationException;

    CampaignService.Stats stats(String campaign) throws OperationException;

    /** The running engine's status; empty when none runs. */
    Optional<Engine.Status> engineStatus() throws OperationException;

    Timelines.Timeline timeline(String list, String contactKey) throws OperationException;

    List<QueueItem> queue() throws OperationException;

    /** The compliance gate's decision for one touch, against the suppression and pressure ledgers. */
    Timelines.Explanation explain(String list, String contactKey, String channel, java.time.Instant at,
                                  String purpose, java.time.ZoneId viewer) throws OperationException;

    void settle(Credentials as, long attemptId, boolean sent, String reason) throws OperationException;

    /**
     * Evidence CSV of one contact (list + key, with its full addresses: it is that person's evidence) or, with a null
     * list, of one campaign named by {@code key}, with addresses masked.
     */
    default String evidence(String list, String key) throws OperationException {
        return evidence(list, key, null);
    }

    /**
     * As {@link #evidence(String, String)}; a campaign's evidence shows full addresses when {@code unmaskedBy} is a
     * compliance or admin profile (audited), and is refused to anyone else.
     */
    String evidence(String list, String key, Credentials unmaskedBy) throws OperationException;

    @Override
    void close();
}
