package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.forecast.SandboxOutcomes;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.CampaignService.CampaignException;
import dev.switchboard.engine.forecast.Forecast;
import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.engine.forecast.ForecastService;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@link CampaignBackend} over the open workspace and the engine the console hosts (null until it runs). */
public final class WorkspaceCampaigns implements CampaignBackend {
    private final Workspace workspace;
    private final Supplier<EngineHost> host;

    public WorkspaceCampaigns(Workspace workspace, Supplier<EngineHost> host) {
        this.workspace = workspace;
        this.host = host;
    }

    @Override
    public List<Summary> campaigns() {
        CampaignService service = workspace.campaigns();
        List<Summary> out = new ArrayList<>();
        for (CampaignService.View v : service.all()) {
            Map<String, Integer> counts = service.enrollmentCounts(v.id());
            int enrolled = counts.values().stream().mapToInt(Integer::intValue).sum();
            String approvedBy = "life_safety".equals(v.purpose()) ? service.lifeSafetyApprovedBy(v.name()).orElse(null)
                    : null;
            out.add(new Summary(v, enrolled, counts.getOrDefault("done", 0), approvedBy));
        }
        return out;
    }

    @Override
    public CampaignService.Stats stats(String name) throws CampaignException {
        return workspace.campaigns().stats(name, now());
    }

    @Override
    public Choices choices() {
        List<String> lists = workspace.contacts().lists().stream().map(l -> l.list().name()).toList();
        List<SequenceChoice> sequences = new ArrayList<>();
        for (SequenceService.Entry e : workspace.sequences().all()) {
            Map<Integer, Set<Channel>> versions = new TreeMap<>();
            for (int v = 1; v <= e.version(); v++) {
                Optional<Sequence> s = workspace.sequences().published(e.key(), v);
                s.ifPresent(seq -> versions.put(seq.version(), channels(seq)));
            }
            if (!versions.isEmpty()) {
                sequences.add(new SequenceChoice(e.key(), e.name(), versions));
            }
        }
        return new Choices(lists, sequences);
    }

    @Override
    public CampaignService.View create(Credentials by, CampaignService.Spec spec) throws PermissionDeniedException,
            CampaignException {
        return workspace.campaigns().create(actor(by), spec);
    }

    @Override
    public CampaignService.LaunchReport launch(Credentials by, String name) throws PermissionDeniedException,
            CampaignException {
        Actor actor = actor(by);
        EngineHost h = host.get();
        return workspace.campaigns().launch(actor, name, h == null ? null : h.engine().orgFacts());
    }

    @Override
    public CampaignService.View approveLifeSafety(Credentials by, String name, String reason)
            throws PermissionDeniedException, CampaignException {
        return workspace.campaigns().approveLifeSafety(actor(by), name, reason);
    }

    @Override
    public CampaignService.View pause(Credentials by, String name, String reason) throws PermissionDeniedException,
            CampaignException {
        return workspace.campaigns().pause(actor(by), name, reason);
    }

    @Override
    public CampaignService.View resume(Credentials by, String name, String reason, boolean acknowledged)
            throws PermissionDeniedException, CampaignException {
        return workspace.campaigns().resume(actor(by), name, reason, acknowledged);
    }

    @Override
    public CampaignService.View stop(Credentials by, String name, String reason) throws PermissionDeniedException,
            CampaignException {
        return workspace.campaigns().stop(actor(by), name, reason);
    }

    @Override
    public void killSwitch(Credentials by, boolean on, String reason) throws PermissionDeniedException,
            CampaignException {
        workspace.campaigns().killSwitch(actor(by), on, reason);
    }

    @Override
    public ForecastReport forecast(String name, Forecast.Listener progress, BooleanSupplier cancelled)
            throws CampaignException {
        EngineHost h = host.get();
        int orgLimit = h == null ? Engine.DEFAULT_ORG_LIMIT : h.engine().orgLimit();
        ForecastService.Options o = new ForecastService.Options(null, null, now(), 1, orgLimit, 5, 60);
        return ForecastService.forecast(workspace, name, o, new SandboxOutcomes(o.seed()), progress, cancelled);
    }

    private Actor actor(Credentials by) throws PermissionDeniedException {
        try {
            return workspace.users().authenticate(by.profile(), by.password());
        } finally {
            Arrays.fill(by.password(), '\0');
        }
    }

    private Instant now() {
        EngineHost h = host.get();
        return h == null ? Instant.now() : h.clock().instant();
    }

    private static Set<Channel> channels(Sequence s) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (Step step : s.steps()) {
            if (step instanceof Step.Touch t) {
                out.add(t.channel());
            }
        }
        return out;
    }

    @Override
    public Map<Long, String> contactKeys(Set<Long> contactIds) {
        Map<Long, String> keys = new java.util.HashMap<>();
        for (long id : contactIds) {
            workspace.contacts().contact(id).ifPresent(c -> keys.put(id, c.data().externalKey()));
        }
        return keys;
    }
}
