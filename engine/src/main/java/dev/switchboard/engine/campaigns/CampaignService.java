package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.ListSummary;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns: created from a list, a published sequence version, the sequence's approved templates, senders and a
 * purpose; launched after checks that name what is wrong; paused, resumed, stopped; and the engine-wide kill switch.
 * Every change is audited with who did it and why. Thread-safe.
 */
public final class CampaignService {
    /** The engine setting that holds the kill switch ("on" or "off"). */
    public static final String KILL_SWITCH = "kill_switch";
    /** The engine setting that holds the org the store is bound to. */
    public static final String ORG = "org";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");

    private final EngineRepository repo;
    private final ContactDirectory contacts;
    private final SequenceService sequences;
    private final TemplateService templates;
    private final AuditLogRepository audit;
    private final Supplier<RulePack> rulePack;
    private final Clock clock;
    private final List<Runnable> wakeups = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final dev.switchboard.engine.dnc.LaunchFreshness freshness;

    /** @param freshness the launch checks of outside do-not-contact data (Genesys DNC sync, National DNC, RND) */
    public CampaignService(EngineRepository repo, ContactDirectory contacts, SequenceService sequences,
                           TemplateService templates, AuditLogRepository audit, Supplier<RulePack> rulePack,
                           Clock clock, dev.switchboard.engine.dnc.LaunchFreshness freshness) {
        this.freshness = java.util.Objects.requireNonNull(freshness, "freshness");
        this.repo = repo;
        this.contacts = contacts;
        this.sequences = sequences;
        this.templates = templates;
        this.audit = audit;
        this.rulePack = rulePack;
        this.clock = clock;
    }

    /** Runs {@code r} after every change that may make work due (a launch, a resume, the kill switch lifted). */
    public void onWake(Runnable r) {
        wakeups.add(r);
    }

    /**
     * What a campaign is made of.
     *
     * @param sequenceVersion null for the newest published version
     * @param variables       campaign-wide template variables (company_name, callback_number …)
     */
    public record Spec(String name, String list, String sequence, Integer sequenceVersion, Purpose purpose,
                       String smsFrom, String emailFrom, Map<String, String> variables) {
        public Spec {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    /** A campaign as the command line and the console show it. */
    public record View(long id, String name, String list, String sequence, int sequenceVersion, String purpose,
                       String state, String stateReason, String smsFrom, String emailFrom,
                       Map<String, String> templates, Map<String, String> variables, String createdBy,
                       Instant createdAt, Instant launchedAt, Instant updatedAt) {
    }

    /** One launch check: what was checked, whether it passed, and what was found. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** The outcome of a launch: every check, and how many contacts were enrolled when all passed. */
    public record LaunchReport(View campaign, List<Check> checks, boolean launched, int enrolled) {
    }

    /** What the connected org offers, for the launch checks. */
    public record OrgFacts(String orgKey, String orgName, Set<String> smsNumbers,
                           List<dev.switchboard.genesys.Org.CallableTimeSet> timeSets) {
        public OrgFacts(String orgKey, String orgName, Set<String> smsNumbers) {
            this(orgKey, orgName, smsNumbers, List.of());
        }

    }

    /** A campaign that cannot be created or changed as asked; the message says why. */
    public static final class CampaignException extends Exception {
        public CampaignException(String message) {
            super(message);
        }
    }

    // ---- create ---------------------------------------------------------------------------------------------------

    public View create(Actor by, Spec spec) throws PermissionDeniedException, CampaignException {
        requireOperator(by, "create campaigns");
        List<String> problems = new ArrayList<>();
        if (spec.name() == null || !NAME.matcher(spec.name()).matches()) {
            problems.add("name: 1-100 letters, digits, spaces, dots, dashes or underscores, starting with a letter"
                    + " or digit");
        } else if (repo.campaign(spec.name()).isPresent()) {
            problems.add("name: a campaign named \"" + spec.name() + "\" exists already");
        }
        Optional<ListSummary> list = spec.list() == null ? Optional.empty() : contacts.list(spec.list());
        if (list.isEmpty()) {
            problems.add("list: no list named \"" + spec.list() + "\" (import one with switchboard import FILE"
                    + " --list NAME)");
        }
        Optional<Sequence> sequence = Optional.empty();
        if (spec.sequence() == null) {
            problems.add("sequence: missing");
        } else {
            sequence = spec.sequenceVersion() == null ? sequences.latestPublished(spec.sequence())
                    : sequences.published(spec.sequence(), spec.sequenceVersion());
            if (sequence.isEmpty()) {
                problems.add("sequence: no published " + (spec.sequenceVersion() == null ? "version" : "version "
                        + spec.sequenceVersion()) + " of \"" + spec.sequence() + "\"");
            }
        }
        if (spec.purpose() == null) {
            problems.add("purpose: missing (marketing, service, collections or life_safety)");
        }
        Map<String, String> pinned = new TreeMap<>();
        if (sequence.isPresent()) {
            Set<Channel> channels = channels(sequence.get());
            if (channels.contains(Channel.SMS) && (spec.smsFrom() == null || !E164.matcher(spec.smsFrom()).matches())) {
                problems.add("smsFrom: the sequence sends SMS, so it needs a sending number in E.164 (+13175550100)");
            }
            if (channels.contains(Channel.EMAIL)
                    && (spec.emailFrom() == null || !EMAIL.matcher(spec.emailFrom()).matches())) {
                problems.add("emailFrom: the sequence sends email, so it needs a from address");
            }
            for (Step.Touch t : touches(sequence.get())) {
                Optional<TemplateService.Entry> e = templates.current(t.templateId());
                if (e.isEmpty()) {
                    problems.add("template " + t.templateId() + " (step " + t.id() + "): not in the store");
                } else {
                    pinned.put(t.templateId(), e.get().version().template().contentHash());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CampaignException("Cannot create the campaign: " + String.join("; ", problems) + ".");
        }
        Instant now = clock.instant();
        Sequence seq = sequence.orElseThrow();
        CampaignRow row = new CampaignRow(0, spec.name(), list.orElseThrow().list().id(), seq.id(), seq.version(),
                spec.purpose().name(), spec.smsFrom(), spec.emailFrom(), write(pinned), write(spec.variables()), null,
                "DRAFT", null, repo.setting(ORG).orElse("unbound"), now, by.name(), null, now, 0);
        long id = repo.insertCampaign(row);
        audit.append(by.name(), by.osLogin(), "campaign.create", "campaign " + spec.name(), "list " + spec.list()
                + ", sequence " + seq.id() + " v" + seq.version() + ", purpose " + spec.purpose(), now);
        return view(repo.campaign(id).orElseThrow());
    }

    // ---- launch ---------------------------------------------------------------------------------------------------

    /**
     * Runs the launch checks and, when every one passes, enrolls the list and sets the campaign running.
     *
     * @param org what the connected org offers; null when no org is connected (the org checks then fail)
     */
    public LaunchReport launch(Actor by, String name, OrgFacts org) throws PermissionDeniedException,
            CampaignException {
        requireOperator(by, "launch campaigns");
        CampaignRow c = campaign(name);
        List<Check> checks = launchChecks(c, org);
        boolean ok = checks.stream().allMatch(Check::passed);
        Instant now = clock.instant();
        if (!ok) {
            audit.append(by.name(), by.osLogin(), "campaign.launch.refused", "campaign " + name,
                    checks.stream().filter(ch -> !ch.passed()).map(ch -> ch.name() + ": " + ch.detail())
                            .reduce((a, b) -> a + "; " + b).orElse(""), now);
            return new LaunchReport(view(c), checks, false, 0);
        }
        if (repo.setting(ORG).isEmpty()) {
            repo.putSetting(ORG, org.orgKey(), by.name(), now);
        }
        Map<String, String> pinned = new TreeMap<>();
        for (Step.Touch t : touches(sequence(c))) {
            templates.current(t.templateId()).ifPresent(e -> pinned.put(t.templateId(),
                    e.version().template().contentHash()));
        }
        int enrolled = repo.launch(c.id(), write(pinned), Progress.INITIAL, now);
        if (enrolled < 0) {
            throw new CampaignException("Campaign \"" + name + "\" is no longer a draft.");
        }
        audit.append(by.name(), by.osLogin(), "campaign.launch", "campaign " + name, enrolled
                + " contacts enrolled; templates " + pinned + "; org " + org.orgKey(), now);
        wake();
        return new LaunchReport(view(campaign(name)), checks, true, enrolled);
    }

    /** The launch checks of a campaign, without launching it. */
    public List<Check> launchChecks(CampaignRow c, OrgFacts org) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("state", c.state().equals("DRAFT"), "the campaign is " + c.state()
                + (c.state().equals("DRAFT") ? "" : "; only a draft can be launched")));
        Optional<Sequence> seq = sequences.published(c.sequenceKey(), c.sequenceVersion());
        checks.add(new Check("sequence", seq.isPresent(), seq.isPresent() ? c.sequenceKey() + " v"
                + c.sequenceVersion() + " is published" : c.sequenceKey() + " v" + c.sequenceVersion()
                + " is not a published version"));
        if (seq.isPresent()) {
            for (Step.Touch t : touches(seq.get())) {
                checks.add(templateCheck(t));
            }
        }
        try {
            RulePack pack = rulePack.get();
            checks.add(new Check("rule pack", true, pack.label() + " loaded"));
        } catch (RuntimeException e) {
            checks.add(new Check("rule pack", false, "the rule pack did not load: " + e.getMessage()));
        }
        long size = contacts.lists().stream().filter(l -> l.list().id() == c.listId())
                .mapToLong(ListSummary::contacts).findFirst().orElse(0);
        checks.add(new Check("list", size > 0, size + " contacts"));
        Purpose purpose = Purpose.valueOf(c.purpose());
        if (purpose == Purpose.LIFE_SAFETY) {
            checks.add(new Check("life-safety approval", c.lifeSafetyApprovedBy() != null,
                    c.lifeSafetyApprovedBy() != null ? "approved by " + c.lifeSafetyApprovedBy()
                            : "a life-safety campaign needs a second person's approval: switchboard campaign approve"
                            + " NAME --as (a compliance or admin profile other than " + c.createdBy() + ")"));
        }
        Set<Channel> channels = seq.map(CampaignService::channels).orElse(Set.of());
        if (org == null) {
            checks.add(new Check("org", false, "no Genesys org is connected: start the engine"
                    + " (switchboard engine) and launch again"));
        } else {
            String bound = repo.setting(ORG).orElse(null);
            checks.add(new Check("org", bound == null || bound.equals(org.orgKey()), bound == null
                    ? "the store will be bound to " + org.orgName() + " (" + org.orgKey() + ")"
                    : bound.equals(org.orgKey()) ? "the store belongs to " + org.orgName() + " (" + org.orgKey() + ")"
                    : "the store belongs to " + bound + ", but the engine is connected to " + org.orgKey()
                    + "; a store never changes org: use another data folder for this org"));
            if (channels.contains(Channel.VOICE) && VoiceDialer.enabled()) {
                List<String> problems = new ArrayList<>();
                try {
                    Optional<dev.switchboard.genesys.Org.CallableTimeSet> set = VoiceDialer.fittingTimeSet(
                            org.timeSets(), rulePack.get(), problems);
                    checks.add(new Check("dialer time set", set.isPresent(), set.isPresent() ? "\"" + set.get().name()
                            + "\" is no looser than the rule pack's voice windows; the dialer calls only inside it"
                            : "no callable time set of the org fits the rule pack's voice windows ("
                            + (problems.isEmpty() ? "the org has none" : String.join(" | ", problems))
                            + "): create one in Genesys (Outbound > Call time sets)"));
                } catch (RuntimeException e) {
                    checks.add(new Check("dialer time set", false, "the rule pack did not load"));
                }
                Optional<String> caller = VoiceDialer.callerAddress(c);
                checks.add(new Check("caller id", caller.isPresent(), caller.map(a -> "voice calls show " + a)
                        .orElse("a voice sequence needs a caller id: campaign variable caller_id or"
                                + " callback_number")));
            }
            if (channels.contains(Channel.SMS)) {
                boolean present = c.smsFrom() != null && org.smsNumbers().contains(c.smsFrom());
                checks.add(new Check("SMS sender", present, present ? c.smsFrom() + " is an SMS number of the org"
                        : c.smsFrom() + " is not among the org's SMS numbers " + org.smsNumbers()));
            }
        }
        freshness.checks(purpose).forEach(l -> checks.add(new Check(l.name(), l.passed(), l.detail())));
        if (channels.contains(Channel.EMAIL)) {
            boolean valid = c.emailFrom() != null && EMAIL.matcher(c.emailFrom()).matches();
            checks.add(new Check("email sender", valid, valid ? c.emailFrom()
                    + " (the org's outbound domains are not readable through the API; Genesys refuses a foreign one"
                    + " at the first send)" : "no valid from address"));
        }
        return checks;
    }

    private Check templateCheck(Step.Touch t) {
        String label = "template " + t.templateId();
        Optional<TemplateService.Entry> e = templates.current(t.templateId());
        if (e.isEmpty()) {
            return new Check(label, false, "not in the store");
        }
        TemplateVersion v = e.get().version();
        if (v.template().channel() != t.channel()) {
            return new Check(label, false, "is a " + v.template().channel() + " template, step " + t.id()
                    + " is " + t.channel());
        }
        boolean approved = v.isApprovedFor(v.template().contentHash());
        return new Check(label, approved, approved ? "v" + v.template().version() + " approved by " + v.approver()
                + " (content " + v.template().contentHash().substring(0, 12) + ")"
                : "v" + v.template().version() + " is " + v.state() + ", not approved for its current content");
    }

    /**
     * The second person's approval of a life-safety campaign (it bypasses consent and product rules, never the
     * law): a compliance or admin profile other than the one who created it, while it is a draft. Audited.
     */
    public View approveLifeSafety(Actor by, String name, String reason) throws PermissionDeniedException,
            CampaignException {
        requireReason(reason);
        CampaignRow c = campaign(name);
        if (!by.profile().role().mayReviewTemplates()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role() + ") may not approve"
                    + " life-safety campaigns: that takes a compliance or admin profile.");
        }
        if (dev.switchboard.model.template.TemplateWorkflow.samePerson(by.name(), c.createdBy())) {
            throw new PermissionDeniedException(by.name() + " created campaign \"" + name + "\" and may not approve"
                    + " it: a second person must.");
        }
        if (!c.purpose().equals("LIFE_SAFETY")) {
            throw new CampaignException("Campaign \"" + name + "\" is " + c.purpose().toLowerCase(Locale.ROOT)
                    + ", not life_safety: it needs no approval.");
        }
        Instant now = clock.instant();
        if (!repo.approveLifeSafety(c.id(), by.name(), now)) {
            throw new CampaignException("Campaign \"" + name + "\" is " + c.state() + "; only a draft is approved.");
        }
        audit.append(by.name(), by.osLogin(), "campaign.approve-life-safety", "campaign " + name, reason, now);
        return view(campaign(name));
    }

    // ---- operator control -----------------------------------------------------------------------------------------

    /** Hold: no new claims; attempts already in flight finish. */
    public View pause(Actor by, String name, String reason) throws PermissionDeniedException, CampaignException {
        return transition(by, name, Set.of("RUNNING"), "PAUSED", reason, "campaign.pause");
    }

    /** The state reason of a campaign a circuit breaker paused. */
    public static final String BREAKER_PREFIX = "circuit breaker: ";

    /** Resume a paused campaign: every claim goes through the gate again, as always. */
    public View resume(Actor by, String name, String reason) throws PermissionDeniedException, CampaignException {
        return resume(by, name, reason, false);
    }

    /**
     * Resume a paused campaign. One a circuit breaker paused resumes only with {@code acknowledged} (a person looked
     * at the reason; audited with it).
     */
    public View resume(Actor by, String name, String reason, boolean acknowledged) throws PermissionDeniedException,
            CampaignException {
        requireReason(reason);
        CampaignRow c = campaign(name);
        boolean breaker = c.state().equals("PAUSED") && c.stateReason() != null
                && c.stateReason().startsWith(BREAKER_PREFIX);
        if (breaker && !acknowledged) {
            requireOperator(by, "resume campaigns");
            throw new CampaignException("Campaign \"" + name + "\" was paused by its " + c.stateReason()
                    + ". Look into it, then resume with --acknowledge (audited).");
        }
        View v = transition(by, name, Set.of("PAUSED"), "RUNNING", breaker ? "acknowledged the "
                + c.stateReason() + (reason == null ? "" : "; " + reason) : reason, "campaign.resume");
        wake();
        return v;
    }

    /** Stop for good: nothing more is attempted; results of calls in flight are still recorded. */
    public View stop(Actor by, String name, String reason) throws PermissionDeniedException, CampaignException {
        return transition(by, name, Set.of("DRAFT", "RUNNING", "PAUSED"), "STOPPED", reason, "campaign.stop");
    }

    /** The engine pauses a campaign by itself (a template changed, Genesys refused permission …). */
    public boolean pauseBySystem(long campaignId, String reason) {
        Instant now = clock.instant();
        boolean moved = repo.moveCampaign(campaignId, Set.of("RUNNING"), "PAUSED", reason, now);
        if (moved) {
            audit.append("engine", "switchboard", "campaign.pause", "campaign " + repo.campaign(campaignId)
                    .map(CampaignRow::name).orElse("#" + campaignId), reason, now);
        }
        return moved;
    }

    /** Marks a running campaign whose enrollments have all ended as completed. */
    public boolean completeIfDone(CampaignRow c) {
        if (!c.state().equals("RUNNING") || repo.activeEnrollments(c.id()) > 0) {
            return false;
        }
        Instant now = clock.instant();
        boolean moved = repo.moveCampaign(c.id(), Set.of("RUNNING"), "COMPLETED", "every enrollment ended", now);
        if (moved) {
            audit.append("engine", "switchboard", "campaign.complete", "campaign " + c.name(),
                    "every enrollment ended", now);
        }
        return moved;
    }

    private View transition(Actor by, String name, Set<String> from, String to, String reason, String action)
            throws PermissionDeniedException, CampaignException {
        requireOperator(by, action.substring(action.indexOf('.') + 1) + " campaigns");
        requireReason(reason);
        CampaignRow c = campaign(name);
        Instant now = clock.instant();
        if (!repo.moveCampaign(c.id(), from, to, reason, now)) {
            throw new CampaignException("Campaign \"" + name + "\" is " + c.state() + "; it can be "
                    + action.substring(action.indexOf('.') + 1) + "d only when " + String.join(" or ", from) + ".");
        }
        audit.append(by.name(), by.osLogin(), action, "campaign " + name, reason, now);
        return view(campaign(name));
    }

    /** The global kill switch: while on, the engine claims nothing for any campaign. */
    public void killSwitch(Actor by, boolean on, String reason) throws PermissionDeniedException, CampaignException {
        requireOperator(by, "use the kill switch");
        requireReason(reason);
        Instant now = clock.instant();
        repo.putSetting(KILL_SWITCH, on ? "on" : "off", by.name(), now);
        audit.append(by.name(), by.osLogin(), on ? "engine.kill-switch.on" : "engine.kill-switch.off", "engine",
                reason, now);
        if (!on) {
            wake();
        }
    }

    public boolean killSwitchOn() {
        return repo.setting(KILL_SWITCH).map("on"::equals).orElse(false);
    }

    /** Per step of a campaign: how many enrollments stand there and what happened to its touches. */
    public record StepStats(String step, String kind, String channel, int ready, int due, int inFlight,
                            int awaiting, int held, int sent, int delivered, int failed, int notSent, int unknown,
                            int blocked, int deferred, int skipped, int exited) {
    }

    /** A campaign's figures: enrollments by status and the per-step funnel. */
    public record Stats(View campaign, Map<String, Integer> enrollments, List<StepStats> steps) {
    }

    public Stats stats(String name, Instant now) throws CampaignException {
        CampaignRow c = campaign(name);
        Sequence seq = sequence(c);
        Map<String, int[]> by = new java.util.LinkedHashMap<>();
        for (Step s : seq.steps()) {
            by.put(s.id(), new int[14]);
        }
        java.util.function.Function<String, int[]> at = id -> by.computeIfAbsent(id == null ? "(start)" : id,
                k -> new int[14]);
        for (Object[] r : repo.stepCounts(c.id())) {
            int[] a = at.apply((String) r[0]);
            int n = (Integer) r[2];
            switch ((String) r[1]) {
                case "READY" -> a[0] += n;
                case "SENDING" -> a[2] += n;
                case "AWAITING" -> a[3] += n;
                case "HELD" -> a[4] += n;
                default -> { }
            }
        }
        for (var r : repo.dueCounts(c.id(), now)) {
            at.apply(r.getKey())[1] += r.getValue();
        }
        for (Object[] r : repo.attemptCounts(c.id())) {
            int[] a = at.apply((String) r[0]);
            int n = (Integer) r[3];
            String state = (String) r[1];
            String outcome = (String) r[2];
            switch (state) {
                case "SENT" -> {
                    a[5] += n;
                    if ("DELIVERED".equals(outcome)) {
                        a[6] += n;
                    } else if (outcome != null) {
                        a[7] += n;
                    }
                }
                case "FAILED" -> a[7] += n;
                case "NOT_SENT" -> a[8] += n;
                case "UNKNOWN", "INTENT" -> a[9] += n;
                default -> { }
            }
        }
        for (Object[] r : repo.eventCounts(c.id())) {
            int[] a = at.apply((String) r[0]);
            int n = (Integer) r[3];
            switch ((String) r[1]) {
                case "BLOCKED" -> a[10] += n;
                case "DEFERRED" -> a[11] += n;
                case "SKIPPED" -> a[12] += n;
                case "EXITED" -> a[13] += n;
                default -> { }
            }
        }
        List<StepStats> steps = new ArrayList<>();
        by.forEach((id, a) -> {
            Optional<Step> s = seq.step(id);
            String channel = s.filter(Step.Touch.class::isInstance).map(t -> ((Step.Touch) t).channel().name()
                    .toLowerCase(Locale.ROOT)).orElse(null);
            steps.add(new StepStats(id, s.map(Step::kind).orElse("-"), channel, a[0], a[1], a[2], a[3], a[4], a[5],
                    a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]));
        });
        Map<String, Integer> enrollments = new java.util.TreeMap<>();
        repo.statusCounts(c.id()).forEach((k, v) -> enrollments.put(k.toLowerCase(Locale.ROOT), v));
        return new Stats(view(c), enrollments, steps);
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    public List<View> all() {
        return repo.campaigns().stream().map(this::view).toList();
    }

    public Optional<View> find(String name) {
        return repo.campaign(name).map(this::view);
    }

    /** Enrollments of a campaign by status (ready, sending, awaiting, held, done); empty before launch. */
    public Map<String, Integer> enrollmentCounts(long campaignId) {
        Map<String, Integer> out = new TreeMap<>();
        repo.statusCounts(campaignId).forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** Who gave a life-safety campaign its second person's approval; empty while nobody has. */
    public Optional<String> lifeSafetyApprovedBy(String name) {
        return repo.campaign(name).map(CampaignRow::lifeSafetyApprovedBy);
    }

    /** The stored row of a campaign, or a CampaignException naming it. */
    public CampaignRow campaign(String name) throws CampaignException {
        return repo.campaign(name).orElseThrow(() -> new CampaignException("No campaign named \"" + name + "\"."));
    }

    public Sequence sequence(CampaignRow c) throws CampaignException {
        return sequences.published(c.sequenceKey(), c.sequenceVersion()).orElseThrow(() -> new CampaignException(
                "Sequence " + c.sequenceKey() + " v" + c.sequenceVersion() + " is not published."));
    }

    public View view(CampaignRow c) {
        String list = contacts.lists().stream().filter(l -> l.list().id() == c.listId())
                .map(l -> l.list().name()).findFirst().orElse("#" + c.listId());
        return new View(c.id(), c.name(), list, c.sequenceKey(), c.sequenceVersion(),
                c.purpose().toLowerCase(Locale.ROOT), c.state().toLowerCase(Locale.ROOT), c.stateReason(), c.smsFrom(),
                c.emailFrom(), read(c.templates()), read(c.variables()), c.createdBy(), c.createdAt(), c.launchedAt(),
                c.updatedAt());
    }

    static Map<String, String> read(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }

    static String write(Map<String, String> map) {
        return JSON.writeValueAsString(new TreeMap<>(map));
    }

    static List<Step.Touch> touches(Sequence s) {
        return s.steps().stream().filter(Step.Touch.class::isInstance).map(Step.Touch.class::cast).toList();
    }

    static Set<Channel> channels(Sequence s) {
        Set<Channel> out = java.util.EnumSet.noneOf(Channel.class);
        touches(s).forEach(t -> out.add(t.channel()));
        return out;
    }

    private void wake() {
        wakeups.forEach(Runnable::run);
    }

    private static void requireOperator(Actor by, String what) throws PermissionDeniedException {
        if (!by.profile().role().mayOperateCampaigns()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role() + ") may not " + what
                    + ": that takes an operator, supervisor or admin profile.");
        }
    }

    private static void requireReason(String reason) throws CampaignException {
        if (reason == null || reason.isBlank()) {
            throw new CampaignException("A reason is required (--reason \"…\"): it goes into the audit log.");
        }
    }
}
