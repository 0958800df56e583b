package dev.switchboard.genesys;

import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Voice and messaging campaigns: get, start and stop ({@code POST .../start|stop}, the preferred way), PUT by
 * read-modify-write with the current version (409 → re-read, re-apply, at most 3 retries), progress. Start and stop
 * are idempotent and retried like reads; a stop runs at {@link Priority#COMPLIANCE_WRITE}. Thread-safe.
 */
public final class CampaignApi {

    private static final String VOICE = "/api/v2/outbound/campaigns/{}";
    private static final String MESSAGING = "/api/v2/outbound/messagingcampaigns/{}";
    private static final Set<String> VOICE_READ_ONLY = Set.of("id", "dateCreated", "dateModified", "errors",
            "selfUri");
    private static final Set<String> MESSAGING_READ_ONLY = Set.of("id", "dateCreated", "dateModified", "selfUri");

    private final ApiTransport transport;

    CampaignApi(ApiTransport transport) {
        this.transport = transport;
    }

    /** Creates a voice campaign (created off; not retried once sent). */
    public Campaigns.VoiceCampaign createVoiceCampaign(Campaigns.VoiceCampaign campaign) {
        return transport.json(ApiCall.post("/api/v2/outbound/campaigns").body(campaign),
                Campaigns.VoiceCampaign.class);
    }

    /** Creates a messaging campaign (created off; not retried once sent). */
    public Campaigns.MessagingCampaign createMessagingCampaign(Campaigns.MessagingCampaign campaign) {
        return transport.json(ApiCall.post("/api/v2/outbound/messagingcampaigns").body(campaign),
                Campaigns.MessagingCampaign.class);
    }

    /** The voice campaign; 404 {@link GenesysApiException} if unknown. */
    public Campaigns.VoiceCampaign getVoiceCampaign(String campaignId) {
        return transport.json(ApiCall.get(VOICE, campaignId), Campaigns.VoiceCampaign.class);
    }

    /**
     * Starts a voice campaign ({@code POST .../start}); confirm by GET or topic. Never repeated once it may have
     * taken effect: a start whose answer was lost may have begun a cycle that the dialer has finished by the time a
     * repeat arrives, and the repeat would begin another over contacts it just called (found by FaultEngineTest: a
     * read timeout is hours of its engine time). The caller reads the campaign again and takes the called contacts
     * out of the list before it starts it again.
     */
    public void startVoiceCampaign(String campaignId) {
        transport.execute(ApiCall.post(VOICE + "/start", campaignId).mode(ApiCall.Mode.ONCE)
                .priority(Priority.SEND));
    }

    /** Stops a voice campaign ({@code POST .../stop}); it passes through {@code stopping} to {@code off}. */
    public void stopVoiceCampaign(String campaignId) {
        transport.execute(ApiCall.post(VOICE + "/stop", campaignId).mode(ApiCall.Mode.REPEATABLE)
                .priority(Priority.COMPLIANCE_WRITE));
    }

    /** Read-modify-write PUT of a voice campaign (e.g. {@code c -> c.withStatus("off")}). */
    public Campaigns.VoiceCampaign updateVoiceCampaign(String campaignId,
            UnaryOperator<Campaigns.VoiceCampaign> change) {
        return ReadModifyWrite.update("update campaign", () -> readRaw(VOICE, campaignId),
                Campaigns.VoiceCampaign.class, change, VOICE_READ_ONLY,
                merged -> transport.json(ApiCall.put(VOICE, campaignId).body(merged)
                        .priority(Priority.COMPLIANCE_WRITE), Campaigns.VoiceCampaign.class));
    }

    /** Progress counters of a voice campaign. */
    public Campaigns.Progress voiceCampaignProgress(String campaignId) {
        return transport.json(ApiCall.get(VOICE + "/progress", campaignId), Campaigns.Progress.class);
    }

    /** The messaging campaign; 404 {@link GenesysApiException} if unknown. */
    public Campaigns.MessagingCampaign getMessagingCampaign(String campaignId) {
        return transport.json(ApiCall.get(MESSAGING, campaignId), Campaigns.MessagingCampaign.class);
    }

    /** Starts a messaging campaign ({@code POST .../start}). */
    public void startMessagingCampaign(String campaignId) {
        // never repeated once it may have taken effect, as a voice campaign's start (a repeat after a finished run
        // would message its list again)
        transport.execute(ApiCall.post(MESSAGING + "/start", campaignId).mode(ApiCall.Mode.ONCE)
                .priority(Priority.SEND));
    }

    /** Stops a messaging campaign ({@code POST .../stop}). */
    public void stopMessagingCampaign(String campaignId) {
        transport.execute(ApiCall.post(MESSAGING + "/stop", campaignId).mode(ApiCall.Mode.REPEATABLE)
                .priority(Priority.COMPLIANCE_WRITE));
    }

    /** Read-modify-write PUT of a messaging campaign. */
    public Campaigns.MessagingCampaign updateMessagingCampaign(String campaignId,
            UnaryOperator<Campaigns.MessagingCampaign> change) {
        return ReadModifyWrite.update("update messaging campaign", () -> readRaw(MESSAGING, campaignId),
                Campaigns.MessagingCampaign.class, change, MESSAGING_READ_ONLY,
                merged -> transport.json(ApiCall.put(MESSAGING, campaignId).body(merged)
                        .priority(Priority.COMPLIANCE_WRITE), Campaigns.MessagingCampaign.class));
    }

    /** Progress counters of a messaging campaign. */
    public Campaigns.Progress messagingCampaignProgress(String campaignId) {
        return transport.json(ApiCall.get(MESSAGING + "/progress", campaignId), Campaigns.Progress.class);
    }

    private ObjectNode readRaw(String template, String id) {
        return (ObjectNode) Json.tree(transport.execute(ApiCall.get(template, id)
                .priority(Priority.COMPLIANCE_WRITE)).body());
    }
}
