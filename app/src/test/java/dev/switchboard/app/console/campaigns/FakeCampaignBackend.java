package dev.switchboard.app.console.campaigns;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.CampaignService.CampaignException;
import dev.switchboard.engine.forecast.Forecast;
import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.contact.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A {@link CampaignBackend} in memory: campaigns with made-up figures, profile "ada" (password "pw") who may do
 * everything, and a record of the actions done. Mutable from tests.
 */
public final class FakeCampaignBackend implements CampaignBackend {
    public static final Instant T0 = Instant.parse("2026-12-08T15:00:00Z");

    public final Map<String, Summary> campaigns = new LinkedHashMap<>();
    public final Map<String, CampaignService.Stats> stats = new TreeMap<>();
    public final List<String> actions = new ArrayList<>();
    public CampaignException createRefusal;
    public CampaignService.LaunchReport launchReport;
    public ForecastReport forecastReport;
    public int statsReads;
    public int campaignReads;
    public volatile boolean forecastRunning;
    /** The list keys of contacts by store id ({@link #contactKeys}); the id sets asked for. */
    public final Map<Long, String> keys = new java.util.HashMap<>();
    public final List<java.util.Set<Long>> keyLookups = new ArrayList<>();

    public static CampaignService.View view(long id, String name, String purpose, String state, String reason) {
        return new CampaignService.View(id, name, "Demo contacts", "outage-broadcast", 1, purpose, state, reason,
                "+13177340100", null, Map.of(), Map.of("company_name", "Switchboard Energy"), "ada", T0, T0, T0);
    }

    public static CampaignService.StepStats step(String id, String channel, int ready, int sent, int delivered,
                                                 int failed, int blocked, int exited) {
        return new CampaignService.StepStats(id, channel == null ? "wait" : "touch", channel, ready, 0, 0, 0, 0,
                sent, delivered, failed, 0, 0, blocked, 3, 0, exited);
    }

    public FakeCampaignBackend add(Summary s, CampaignService.StepStats... steps) {
        campaigns.put(s.name(), s);
        stats.put(s.name(), new CampaignService.Stats(s.view(), Map.of("ready", s.enrolled() - s.done(), "done",
                s.done()), List.of(steps)));
        return this;
    }

    /** Moves a campaign to another state, as the engine or another console would. */
    public void move(String name, String state, String reason) {
        Summary s = campaigns.get(name);
        CampaignService.View v = s.view();
        CampaignService.View moved = new CampaignService.View(v.id(), v.name(), v.list(), v.sequence(),
                v.sequenceVersion(), v.purpose(), state, reason, v.smsFrom(), v.emailFrom(), v.templates(),
                v.variables(), v.createdBy(), v.createdAt(), v.launchedAt(), T0);
        campaigns.put(name, new Summary(moved, s.enrolled(), s.done(), s.lifeSafetyApprovedBy()));
        CampaignService.Stats st = stats.get(name);
        stats.put(name, new CampaignService.Stats(moved, st.enrollments(), st.steps()));
    }

    @Override
    public synchronized List<Summary> campaigns() {
        campaignReads++;
        return List.copyOf(campaigns.values());
    }

    @Override
    public synchronized CampaignService.Stats stats(String name) throws CampaignException {
        statsReads++;
        CampaignService.Stats s = stats.get(name);
        if (s == null) {
            throw new CampaignException("No campaign named \"" + name + "\".");
        }
        return s;
    }

    @Override
    public Choices choices() {
        return new Choices(List.of("Demo contacts", "Renewals"), List.of(
                new SequenceChoice("outage-broadcast", "Outage broadcast", Map.of(1, EnumSet.of(Channel.SMS))),
                new SequenceChoice("appointment-reminders", "Appointment reminders", Map.of(
                        1, EnumSet.of(Channel.SMS), 2, EnumSet.of(Channel.SMS, Channel.EMAIL, Channel.VOICE)))));
    }

    private void auth(Credentials by) throws PermissionDeniedException {
        if (!"ada".equals(by.profile()) || !"pw".equals(new String(by.password()))) {
            throw new PermissionDeniedException("Unknown profile or wrong password for \"" + by.profile() + "\".");
        }
    }

    @Override
    public synchronized CampaignService.View create(Credentials by, CampaignService.Spec spec)
            throws PermissionDeniedException, CampaignException {
        auth(by);
        if (createRefusal != null) {
            throw createRefusal;
        }
        actions.add("create " + spec.name() + " " + spec.sequence() + " v" + spec.sequenceVersion() + " "
                + spec.purpose() + " " + spec.variables());
        CampaignService.View v = view(campaigns.size() + 1, spec.name(), spec.purpose().name().toLowerCase(),
                "draft", null);
        add(new Summary(v, 0, 0, null));
        return v;
    }

    @Override
    public synchronized CampaignService.LaunchReport launch(Credentials by, String name)
            throws PermissionDeniedException, CampaignException {
        auth(by);
        actions.add("launch " + name);
        if (launchReport != null) {
            return launchReport;
        }
        move(name, "running", null);
        return new CampaignService.LaunchReport(campaigns.get(name).view(), List.of(
                new CampaignService.Check("state", true, "the campaign is DRAFT"),
                new CampaignService.Check("list", true, "12 contacts")), true, 12);
    }

    @Override
    public synchronized CampaignService.View approveLifeSafety(Credentials by, String name, String reason)
            throws PermissionDeniedException, CampaignException {
        auth(by);
        actions.add("approve " + name + ": " + reason);
        return campaigns.get(name).view();
    }

    @Override
    public synchronized CampaignService.View pause(Credentials by, String name, String reason)
            throws PermissionDeniedException, CampaignException {
        auth(by);
        actions.add("pause " + name + ": " + reason);
        move(name, "paused", reason);
        return campaigns.get(name).view();
    }

    @Override
    public synchronized CampaignService.View resume(Credentials by, String name, String reason, boolean acknowledged)
            throws PermissionDeniedException, CampaignException {
        auth(by);
        actions.add("resume " + name + (acknowledged ? " (acknowledged)" : "") + ": " + reason);
        move(name, "running", reason);
        return campaigns.get(name).view();
    }

    @Override
    public synchronized CampaignService.View stop(Credentials by, String name, String reason)
            throws PermissionDeniedException, CampaignException {
        auth(by);
        actions.add("stop " + name + ": " + reason);
        move(name, "stopped", reason);
        return campaigns.get(name).view();
    }

    @Override
    public synchronized void killSwitch(Credentials by, boolean on, String reason) throws PermissionDeniedException {
        auth(by);
        actions.add("kill switch " + (on ? "on" : "off") + ": " + reason);
    }

    @Override
    public ForecastReport forecast(String name, Forecast.Listener progress, BooleanSupplier cancelled)
            throws CampaignException {
        forecastRunning = true;
        progress.progress(6, 12, T0);
        forecastRunning = false;
        return forecastReport != null ? forecastReport : report(name, cancelled.getAsBoolean());
    }

    /** A made-up report over three days. */
    public static ForecastReport report(String name, boolean cancelled) {
        TreeMap<Instant, Map<Channel, Integer>> perHour = new TreeMap<>();
        perHour.put(T0, Map.of(Channel.SMS, 40, Channel.EMAIL, 10));
        perHour.put(T0.plus(Duration.ofHours(2)), Map.of(Channel.SMS, 25));
        perHour.put(T0.plus(Duration.ofDays(1)), Map.of(Channel.SMS, 30, Channel.VOICE, 12));
        perHour.put(T0.plus(Duration.ofDays(2)), Map.of(Channel.SMS, 8));
        return new ForecastReport(name, 1200, T0, T0.plus(Duration.ofDays(2).plusHours(3)),
                T0.plus(Duration.ofDays(2)), 0, perHour, Map.of(Channel.SMS, 103, Channel.EMAIL, 10, Channel.VOICE,
                12), 103, Map.of("consent", 14, "suppression", 3), Map.of("window.default.SMS", 220,
                "throughput.number", 41), Map.of("completed", 1100), 48, T0.plusSeconds(600), 291, 1800, null,
                "throughput.number", Duration.ofMinutes(12), 5, 1, Duration.ofMillis(850), cancelled, List.of());
    }

    @Override
    public Map<Long, String> contactKeys(java.util.Set<Long> contactIds) {
        keyLookups.add(contactIds);
        Map<Long, String> found = new java.util.HashMap<>();
        contactIds.forEach(id -> {
            if (keys.containsKey(id)) {
                found.put(id, keys.get(id));
            }
        });
        return found;
    }
}
