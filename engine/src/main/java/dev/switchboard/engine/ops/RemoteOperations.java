package dev.switchboard.engine.ops;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.engine.ipc.EngineApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The operations of the running engine, over its authenticated loopback API. */
public final class RemoteOperations implements Operations {
    private final EngineApiClient client;

    public RemoteOperations(EngineApiClient client) {
        this.client = client;
    }

    @Override
    public String via() {
        return "engine (pid " + client.endpoint().pid() + ")";
    }

    @Override
    public List<CampaignService.View> campaigns() throws OperationException {
        return read(get("/campaigns"), new TypeReference<>() { });
    }

    @Override
    public CampaignService.View create(Credentials as, CampaignService.Spec spec) throws OperationException {
        ObjectNode body = body(as, null);
        body.set("spec", OperationsApi.JSON.valueToTree(spec));
        return OperationsApi.JSON.treeToValue(post("/campaigns", body), CampaignService.View.class);
    }

    @Override
    public CampaignService.LaunchReport launch(Credentials as, String campaign) throws OperationException {
        return OperationsApi.JSON.treeToValue(post(path(campaign, "launch"), body(as, null)),
                CampaignService.LaunchReport.class);
    }

    @Override
    public CampaignService.View approveLifeSafety(Credentials as, String campaign, String reason)
            throws OperationException {
        return OperationsApi.JSON.treeToValue(post(path(campaign, "approve"), body(as, reason)),
                CampaignService.View.class);
    }

    @Override
    public CampaignService.View pause(Credentials as, String campaign, String reason) throws OperationException {
        return OperationsApi.JSON.treeToValue(post(path(campaign, "pause"), body(as, reason)),
                CampaignService.View.class);
    }

    @Override
    public CampaignService.View resume(Credentials as, String campaign, String reason, boolean acknowledge)
            throws OperationException {
        ObjectNode body = body(as, reason);
        body.put("acknowledge", acknowledge);
        return OperationsApi.JSON.treeToValue(post(path(campaign, "resume"), body),
                CampaignService.View.class);
    }

    @Override
    public CampaignService.View stop(Credentials as, String campaign, String reason) throws OperationException {
        return OperationsApi.JSON.treeToValue(post(path(campaign, "stop"), body(as, reason)),
                CampaignService.View.class);
    }

    @Override
    public void killSwitch(Credentials as, boolean on, String reason) throws OperationException {
        ObjectNode body = body(as, reason);
        body.put("on", on);
        post("/kill-switch", body);
    }

    @Override
    public boolean killSwitchOn() throws OperationException {
        return get("/kill-switch").path("on").asBoolean();
    }

    @Override
    public CampaignService.Stats stats(String campaign) throws OperationException {
        return OperationsApi.JSON.treeToValue(get(path(campaign, "stats")), CampaignService.Stats.class);
    }

    @Override
    public Optional<Engine.Status> engineStatus() throws OperationException {
        JsonNode e = get("/status").get("engine");
        return e == null || e.isNull() ? Optional.empty()
                : Optional.of(OperationsApi.JSON.treeToValue(e, Engine.Status.class));
    }

    @Override
    public Timelines.Timeline timeline(String list, String contactKey) throws OperationException {
        return OperationsApi.JSON.treeToValue(get("/timeline?list=" + enc(list) + "&key=" + enc(contactKey)),
                Timelines.Timeline.class);
    }

    @Override
    public List<QueueItem> queue() throws OperationException {
        return read(get("/queue"), new TypeReference<>() { });
    }

    @Override
    public Timelines.Explanation explain(String list, String contactKey, String channel, java.time.Instant at,
                                         String purpose, java.time.ZoneId viewer) throws OperationException {
        return OperationsApi.JSON.treeToValue(get("/explain?list=" + enc(list) + "&key=" + enc(contactKey)
                + "&channel=" + enc(channel) + (at == null ? "" : "&at=" + enc(at.toString())) + "&purpose="
                + enc(purpose) + "&zone=" + enc(viewer.getId())), Timelines.Explanation.class);
    }

    @Override
    public void settle(Credentials as, long attemptId, boolean sent, String reason) throws OperationException {
        ObjectNode body = body(as, reason);
        body.put("sent", sent);
        post("/queue/" + attemptId + "/settle", body);
    }

    @Override
    public String evidence(String list, String key, Credentials unmaskedBy) throws OperationException {
        if (unmaskedBy != null) {
            ObjectNode body = body(unmaskedBy, null);
            if (list != null) {
                body.put("list", list);
            }
            body.put("key", key);
            return post("/evidence", body).path("csv").asString();
        }
        return get("/evidence?" + (list == null ? "" : "list=" + enc(list) + "&") + "key=" + enc(key))
                .path("csv").asString();
    }

    @Override
    public List<IntakeResult> intake(List<IntakeEvent> events, String source) throws OperationException {
        ObjectNode body = OperationsApi.JSON.createObjectNode();
        body.put("source", source);
        body.set("events", OperationsApi.JSON.valueToTree(events));
        return read(post("/intake/events", body), new TypeReference<>() { });
    }

    @Override
    public void close() {
        client.close();
    }

    private JsonNode get(String path) throws OperationException {
        try {
            return client.get(path);
        } catch (EngineApiException e) {
            throw translate(e);
        }
    }

    private JsonNode post(String path, JsonNode body) throws OperationException {
        try {
            return client.post(path, body);
        } catch (EngineApiException e) {
            throw translate(e);
        }
    }

    private static OperationException translate(EngineApiException e) {
        return new OperationException(OperationsApi.kind(e.status()), e.getMessage());
    }

    private static <T> T read(JsonNode n, TypeReference<T> type) {
        return OperationsApi.JSON.convertValue(n, type);
    }

    private static ObjectNode body(Credentials as, String reason) {
        ObjectNode o = OperationsApi.JSON.createObjectNode();
        if (as != null) {
            o.putObject("as").put("name", as.name()).put("password", as.password());
        }
        if (reason != null) {
            o.put("reason", reason);
        }
        return o;
    }

    private static String path(String campaign, String action) {
        return "/campaigns/" + enc(campaign).replace("+", "%20") + "/" + action;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
