package dev.switchboard.engine.forecast;

import dev.switchboard.engine.templates.ContactVariables;
import dev.switchboard.model.compliance.Attempt;
import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.DayWindow;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.PlanStep;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Signal;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.template.Rendered;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateRenderException;
import dev.switchboard.model.template.TemplateRenderer;
import dev.switchboard.model.throughput.Carrier;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.ThroughputBuckets;
import dev.switchboard.model.throughput.ThroughputPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A campaign's forecast: its sequence run over a copy of its list on virtual time, as a discrete-event simulation
 * built from the engine's own pieces: the planner, the compliance gate with the store's suppressions and an
 * in-memory pressure ledger, the rule pack, the campaign's templates (rendered for segments), the senders'
 * throughput policy and the API budget, with the people's answers from an {@link OutcomeModel} (the sandbox's seeded
 * world). Nothing is written anywhere. Not thread-safe: one forecast per instance.
 *
 * <p>What it models as the engine does: SMS and email go agentless, one API request each, SMS status polled at 5 s
 * and then at half its age (5 s to 15 min) until the final receipt; an SMS leaves at its sender's slot (number,
 * AT&T and T-Mobile limits in segments); every request takes a slot of the API budget. Voice goes through the
 * Genesys dialer, which places calls as its lines come free (one request per 1,000 contacts injected and one per
 * 50 results read). Opt-outs (STOP and free-text revocations, "do not call" wrap-ups, email unsubscribes) and hard
 * bounces are suppressed when they arrive and end the contact's sequence. What it leaves out: the engine's own CPU
 * (a few hundred contact-steps a second), faults and retries.
 */
public final class Forecast {
    /** How far ahead a dialer call may start and still be placed now. */
    static final Duration DIALER_HORIZON = Duration.ofMinutes(1);
    static final String RULE_API = "api.budget";
    static final String RULE_DIALER = "dialer.lines";
    private static final Duration API_WINDOW = Duration.ofSeconds(60);
    /** The most enrollments a scaled forecast makes (distinct synthetic numbers per area code). */
    public static final int MAX_COPIES = 7_000_000;

    /**
     * What a forecast runs.
     *
     * @param templates          the campaign's templates by key (the approved versions a launch would pin)
     * @param variables          the campaign's template variables
     * @param contacts           the list's contacts (a copy: nothing is written back)
     * @param scaleTo            0 to run the list as it is; otherwise the number of enrollments, the list's contacts
     *                           repeated with distinct synthetic addresses (same area codes, so the same zones)
     * @param suppressions       the suppression ledger as of the start (a snapshot)
     * @param sms                the SMS sender's limits, or null when the sequence has no SMS
     * @param apiBudgetPerMinute requests per minute of the credential (the org limit less the pacer's headroom)
     * @param dialerLines        calls the Genesys dialer places at once
     * @param horizon            how much virtual time to run at most
     * @param seed               the seed of the outcome model, for the report
     */
    public record Setup(String campaign, Purpose purpose, boolean lifeSafetyApproved, Sequence sequence,
                        Map<String, Template> templates, Map<String, String> variables, List<Contact> contacts,
                        int scaleTo, RulePack pack, SuppressionView suppressions, SenderLimits sms,
                        int apiBudgetPerMinute, int dialerLines, Instant start, Duration horizon, OutcomeModel outcomes,
                        long seed, List<String> warnings) {
        public Setup {
            if (apiBudgetPerMinute < 1) {
                throw new IllegalArgumentException("the API budget must be at least 1 request a minute");
            }
            if (dialerLines < 1) {
                throw new IllegalArgumentException("the dialer needs at least one line");
            }
            warnings = List.copyOf(warnings);
        }
    }

    /** Progress, now and then: enrollments ended of all, and the virtual time reached. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (ended, total, now) -> { };

        void progress(int ended, int total, Instant virtualNow);
    }

    private enum Kind { READY, RESULT, OPT_OUT, SUPPRESS, POLL }

    private record Ev(Instant at, long seq, int enrollment, Kind kind, Signal.Result result, Suppression suppression) {
    }

    /** One enrollment: the original contact it copies, its addresses and the planner's state. */
    private static final class Enrollment {
        final int original;
        final String phone;
        final String smsAddress;
        final String email;
        final List<String> personKeys;
        EnrollmentState state;
        boolean ended;
        int calls;

        Enrollment(int original, String phone, String smsAddress, String email, List<String> personKeys,
                   EnrollmentState state) {
            this.original = original;
            this.phone = phone;
            this.smsAddress = smsAddress;
            this.email = email;
            this.personKeys = personKeys;
            this.state = state;
        }
    }

    private final Setup s;
    private final Planner planner = new Planner(CapCheck.NONE);
    private final List<Contact> originals;
    private final List<Candidates> candidates = new ArrayList<>();
    private final List<Carrier> carriers = new ArrayList<>();
    private final Map<String, Rendered> rendered = new HashMap<>();
    private final Map<String, String> renderProblems = new HashMap<>();
    private final java.util.Set<String> renderFailed = new java.util.HashSet<>();
    private final List<Enrollment> enrollments = new ArrayList<>();
    private final PriorityQueue<Ev> queue = new PriorityQueue<>((a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private final ThroughputBuckets buckets = new ThroughputBuckets();
    private final Map<String, List<Suppression>> added = new HashMap<>();
    private final Map<String, List<Attempt>> ledger = new HashMap<>();
    private final PriorityQueue<Instant> lines = new PriorityQueue<>();
    private final TreeMap<Instant, Map<Channel, Integer>> perHour = new TreeMap<>();
    private final Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
    private final Map<Long, Integer> apiPerMinute = new HashMap<>();
    private final Map<String, Integer> blocks = new TreeMap<>();
    private final Map<String, Integer> deferrals = new TreeMap<>();
    private final Map<String, Integer> exits = new TreeMap<>();
    /** Seconds that SMS waited for capacity, by the limit they waited for. */
    private final Map<String, Long> waited = new TreeMap<>();
    /** The grant instants of the last {@code budget} API requests, a ring: request k waits for k - budget + 60 s. */
    private final Instant[] apiRing;
    private final SuppressionView suppressions;
    private final PressureView pressure;
    private Instant apiLast = Instant.MIN;
    private Instant dialerQueue = Instant.MIN;
    private long calls;
    private long handledMillis;
    private long seq;
    private long attemptIds;
    private long smsSegments;
    private long apiRequests;
    private long injected;
    private long resultsRead;
    private int ended;
    private Instant finish;
    private Instant lastSend;

    private Forecast(Setup setup) {
        this.s = setup;
        this.originals = setup.contacts();
        this.apiRing = new Instant[setup.apiBudgetPerMinute()];
        this.suppressions = new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return merged(s.suppressions().forPerson(personKey), personKey);
            }

            @Override
            public List<Suppression> forAddress(String address) {
                return merged(s.suppressions().forAddress(address), address);
            }
        };
        this.pressure = new PressureView() {
            @Override
            public List<Attempt> attempts(String personKey, Instant from, Instant to) {
                List<Attempt> all = ledger.get(personKey);
                if (all == null) {
                    return List.of();
                }
                List<Attempt> out = new ArrayList<>(all.size());
                for (Attempt a : all) {
                    if (a.at().isAfter(from) && !a.at().isAfter(to)) {
                        out.add(a);
                    }
                }
                return out;
            }

            @Override
            public List<Attempt> debtAttempts(String debtId, Instant from, Instant to) {
                return List.of();
            }

            @Override
            public Instant lastConversation(String debtId, Instant asOf) {
                return null;
            }
        };
    }

    /** Runs a forecast to its end, the horizon, or a cancellation (the report says which). */
    public static ForecastReport run(Setup setup, Listener listener, BooleanSupplier cancelled) {
        return new Forecast(setup).simulate(listener, cancelled);
    }

    private ForecastReport simulate(Listener listener, BooleanSupplier cancelled) {
        long wall = System.nanoTime();
        enroll();
        for (int i = 0; i < s.dialerLines(); i++) {
            lines.add(s.start());
        }
        Instant end = s.start().plus(s.horizon());
        boolean stopped = false;
        long steps = 0;
        Instant now = s.start();
        while (!queue.isEmpty()) {
            Ev ev = queue.poll();
            if (ev.at().isAfter(end)) {
                break;
            }
            now = ev.at();
            handle(ev);
            if (++steps % 20_000 == 0) {
                listener.progress(ended, enrollments.size(), now);
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
            }
        }
        listener.progress(ended, enrollments.size(), now);
        int unfinished = enrollments.size() - ended;
        List<String> warnings = new ArrayList<>(s.warnings());
        renderProblems.forEach((k, v) -> warnings.add("template " + k + " cannot be rendered for some contacts: " + v));
        long unknownCarrier = enrollments.stream().filter(e -> carriers.get(e.original) == Carrier.UNKNOWN).count();
        if (s.sms() != null && perChannel.containsKey(Channel.SMS) && unknownCarrier > 0
                && (s.sms().tmobilePerDay() > 0 || s.sms().attPerMinute() > 0)) {
            warnings.add(unknownCarrier + " of " + enrollments.size() + " contacts have no carrier on the list (a"
                    + " 'carrier' column): each counts against AT&T's and T-Mobile's limits, so that neither can be"
                    + " exceeded; a carrier column makes the forecast, and the sends, less conservative");
        }
        if (unfinished > 0 && !stopped) {
            warnings.add(unfinished + " enrollments were still running " + s.horizon().toDays() + " days after the"
                    + " start, where the forecast stops (--days)");
        }
        long peak = 0;
        long peakMinute = 0;
        for (Map.Entry<Long, Integer> e : apiPerMinute.entrySet()) {
            if (e.getValue() > peak || (e.getValue() == peak && e.getKey() < peakMinute)) {
                peak = e.getValue();
                peakMinute = e.getKey();
            }
        }
        // the limit that held SMS back the longest, all waits added up
        String boundBy = "nothing";
        long most = 0;
        for (Map.Entry<String, Long> e : waited.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                boundBy = e.getKey();
            }
        }
        Duration sendingTime = s.sms() == null ? Duration.ZERO
                : Duration.ofMillis((long) Math.ceil(smsSegments * 1000.0 / s.sms().segmentsPerSecond()));
        SortedMap<Instant, Map<Channel, Integer>> hours = new TreeMap<>();
        perHour.forEach((k, v) -> hours.put(k, Map.copyOf(v)));
        return new ForecastReport(s.campaign(), enrollments.size(), s.start(), unfinished == 0 ? finish : null,
                lastSend, unfinished, hours, Map.copyOf(perChannel), smsSegments, Map.copyOf(blocks),
                Map.copyOf(deferrals), Map.copyOf(exits), (int) peak, peak == 0 ? null
                : Instant.ofEpochSecond(peakMinute * 60), s.apiBudgetPerMinute(), apiRequests, s.sms(), boundBy,
                sendingTime, s.dialerLines(), s.seed(), Duration.ofNanos(System.nanoTime() - wall), stopped,
                List.copyOf(warnings));
    }

    // ---- enrollments ------------------------------------------------------------------------------------------------

    private void enroll() {
        JurisdictionResolver resolver = new JurisdictionResolver();
        for (Contact c : originals) {
            candidates.add(Candidates.of(c.data(), resolver));
            carriers.add(Carrier.of(c.data().attributes()));
        }
        int n = s.scaleTo() > 0 ? s.scaleTo() : originals.size();
        if (originals.isEmpty()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int o = i % originals.size();
            Contact c = originals.get(o);
            int copy = i / originals.size();
            String phone = phone(c, false);
            String sms = phone(c, true);
            String email = c.data().email() == null ? null : c.data().email().toLowerCase(Locale.ROOT);
            if (copy > 0) {
                phone = synthetic(phone, i);
                sms = synthetic(sms, i);
                email = email == null ? null : email.replaceFirst("@", "+f" + i + "@");
            }
            List<String> keys = new ArrayList<>();
            if (copy == 0) {
                c.data().phones().forEach(p -> keys.add(p.e164()));
            } else {
                for (Phone p : c.data().phones()) {
                    keys.add(synthetic(p.e164(), i));
                }
            }
            if (email != null) {
                keys.add(email);
            }
            if (keys.isEmpty()) {
                keys.add("contact:" + c.id() + "/" + i);
            }
            EnrollmentState state = new EnrollmentState(String.valueOf(i), s.sequence().version(), Optional.empty(),
                    Map.of(), Map.of(), Optional.empty(), java.util.Set.of(), Optional.empty(),
                    candidates.get(o).zones(), Optional.empty(), c.data().attributes());
            enrollments.add(new Enrollment(o, phone, sms, email, List.copyOf(keys), state));
            schedule(s.start(), i, Kind.READY, null, null);
        }
    }

    /** SMS goes to the first mobile number (else the first number), voice to the first number: as the engine does. */
    private static String phone(Contact c, boolean sms) {
        List<Phone> phones = c.data().phones();
        Optional<Phone> p = sms ? phones.stream().filter(x -> x.type() == PhoneType.MOBILE).findFirst()
                .or(() -> phones.stream().findFirst()) : phones.stream().findFirst();
        return p.map(Phone::e164).orElse(null);
    }

    /**
     * A distinct number in the same area code for copy {@code i}: +1 NPA then 2000000 + i (skipping the 555
     * exchange), so that zones, states and area-code rules stay those of the original.
     */
    public static String synthetic(String e164, int i) {
        if (e164 == null) {
            return null;
        }
        if (e164.startsWith("+1") && e164.length() == 12 && i < MAX_COPIES) {
            long local = 2_000_000L + i;
            if (local >= 5_550_000L) {
                local += 10_000; // the whole 555 exchange is left out
            }
            return e164.substring(0, 5) + local;
        }
        return e164 + "0" + i;
    }

    // ---- events -----------------------------------------------------------------------------------------------------

    private void schedule(Instant at, int enrollment, Kind kind, Signal.Result result, Suppression suppression) {
        queue.add(new Ev(at, seq++, enrollment, kind, result, suppression));
    }

    private void handle(Ev ev) {
        Instant now = ev.at();
        switch (ev.kind()) {
            case POLL -> apiTake(now);
            case SUPPRESS -> added.computeIfAbsent(ev.suppression().key(), k -> new ArrayList<>(1))
                    .add(ev.suppression());
            case OPT_OUT -> {
                added.computeIfAbsent(ev.suppression().key(), k -> new ArrayList<>(1)).add(ev.suppression());
                Enrollment e = enrollments.get(ev.enrollment());
                if (!e.ended) {
                    PlanStep p = planner.plan(e.state, s.sequence(), Signal.event(Outcome.OPTED_OUT), now);
                    if (p instanceof PlanStep.Exited) {
                        follow(ev.enrollment(), p, now);
                    }
                }
            }
            case RESULT -> {
                Enrollment e = enrollments.get(ev.enrollment());
                if (!e.ended) {
                    follow(ev.enrollment(), planner.plan(e.state, s.sequence(), ev.result(), now), now);
                }
            }
            case READY -> ready(ev.enrollment(), now);
        }
    }

    private void ready(int i, Instant now) {
        Enrollment e = enrollments.get(i);
        if (e.ended) {
            return;
        }
        Optional<Step> current = e.state.currentStep().flatMap(s.sequence()::step);
        if (current.isEmpty()) {
            follow(i, planner.plan(e.state, s.sequence(), Signal.start(), now), now);
        } else if (current.get() instanceof Step.Touch t) {
            touch(i, t, now);
        } else {
            follow(i, planner.plan(e.state, s.sequence(), Signal.elapsed(), now), now);
        }
    }

    private void follow(int i, PlanStep plan, Instant now) {
        Enrollment e = enrollments.get(i);
        switch (plan) {
            case PlanStep.Exited x -> {
                e.state = x.state();
                e.ended = true;
                ended++;
                exits.merge(x.reason(), 1, Integer::sum);
                finish = finish == null || now.isAfter(finish) ? now : finish;
            }
            case PlanStep.Next n -> {
                n.deferrals().forEach(d -> deferrals.merge(d.rule(), 1, Integer::sum));
                e.state = n.state();
                Instant due = n.due().isBefore(now) ? now : n.due();
                schedule(due, i, Kind.READY, null, null);
            }
        }
    }

    // ---- touches ----------------------------------------------------------------------------------------------------

    private void touch(int i, Step.Touch t, Instant now) {
        Enrollment e = enrollments.get(i);
        Contact c = originals.get(e.original);
        String address = switch (t.channel()) {
            case SMS -> e.smsAddress;
            case VOICE -> e.phone;
            case EMAIL -> e.email;
        };
        if (address == null) {
            blocks.merge("no-address", 1, Integer::sum);
            follow(i, planner.plan(e.state, s.sequence(), new Signal.Result(Outcome.FAILED,
                    Optional.of(FailureReason.INVALID_DESTINATION)), now), now);
            return;
        }
        Rendered r = null;
        if (t.channel() != Channel.VOICE) {
            r = render(e.original, c, t.templateId());
            if (r == null) {
                blocks.merge("template.render", 1, Integer::sum);
                follow(i, planner.plan(e.state, s.sequence(), new Signal.Result(Outcome.FAILED,
                        Optional.of(FailureReason.BLOCKED)), now), now);
                return;
            }
        }
        Candidates cand = candidates.get(e.original);
        DayWindow window = t.window().map(w -> new DayWindow(w.start(), w.end())).orElse(null);
        GateRequest req = new GateRequest(c.id(), cand.zones(), cand.states(), c.data().consents(), t.channel(),
                address, now, s.purpose(), window, null, s.campaign(), null, r == null ? null : r.contentHash(),
                e.personKeys, s.lifeSafetyApproved());
        Decision d = ComplianceGate.decide(req, suppressions, pressure, s.pack());
        switch (d) {
            case Decision.Blocked b -> {
                blocks.merge(b.rule(), 1, Integer::sum);
                follow(i, planner.plan(e.state, s.sequence(), new Signal.Result(Outcome.FAILED,
                        Optional.of(FailureReason.BLOCKED)), now), now);
            }
            case Decision.Deferred def -> defer(i, def.rule(), def.until(), now);
            case Decision.Allowed a -> {
                switch (t.channel()) {
                    case SMS -> sms(i, address, r, req, now);
                    case EMAIL -> email(i, address, now);
                    case VOICE -> call(i, address, now);
                }
            }
        }
    }

    private void defer(int i, String rule, Instant until, Instant now) {
        deferrals.merge(rule, 1, Integer::sum);
        if (rule.startsWith("throughput.") || rule.equals(RULE_API)) {
            waited.merge(rule, Math.max(0, Duration.between(now, until).toSeconds()), Long::sum);
        }
        schedule(until.isAfter(now) ? until : now.plusMillis(1), i, Kind.READY, null, null);
    }

    private void sms(int i, String address, Rendered r, GateRequest req, Instant now) {
        Instant apiFree = apiFree();
        if (apiFree.isAfter(now.plus(ThroughputPolicy.HORIZON))) {
            defer(i, RULE_API, apiFree, now);
            return;
        }
        Enrollment e = enrollments.get(i);
        int segments = Math.max(1, r.sms() == null ? 1 : r.sms().segments());
        ThroughputPolicy.Answer answer = buckets.reserve(s.sms(), carriers.get(e.original), segments, now, null);
        switch (answer) {
            case ThroughputPolicy.Wait w -> defer(i, w.rule(), w.until(), now);
            case ThroughputPolicy.Slot slot -> {
                // nothing is handed to Genesys that cannot leave the number before the window closes
                Decision atEnd = ComplianceGate.decide(req.at(slot.end()), suppressions, pressure, s.pack());
                if (!(atEnd instanceof Decision.Allowed)) {
                    defer(i, ThroughputPolicy.RULE_WINDOW, atEnd instanceof Decision.Deferred later ? later.until()
                            : slot.end(), now);
                    return;
                }
                Instant at = apiTake(slot.start());
                sent(Channel.SMS, address, at);
                smsSegments += segments;
                OutcomeModel.Sms fate = s.outcomes().sms(address);
                Instant receipt = at.plus(fate.receiptAfter());
                // the engine polls at 5 s, then at half the message's age (5 s to 15 min), until a final receipt
                Instant poll = at.plusSeconds(5);
                while (poll.isBefore(receipt)) {
                    schedule(poll, i, Kind.POLL, null, null);
                    long age = Duration.between(at, poll).toSeconds();
                    poll = poll.plusSeconds(Math.clamp(age / 2, 5, 900));
                }
                schedule(poll, i, Kind.POLL, null, null);
                Signal.Result result = fate.delivered() ? new Signal.Result(Outcome.DELIVERED, Optional.empty())
                        : new Signal.Result(Outcome.FAILED, Optional.ofNullable(fate.failure()));
                schedule(poll, i, Kind.RESULT, result, null);
                if (fate.delivered() && fate.optsOut()) {
                    schedule(receipt.plus(fate.replyAfter()), i, Kind.OPT_OUT, null, new Suppression(
                            Suppression.Kind.OPT_OUT, Channel.SMS, address, null, "forecast: replied STOP"));
                }
            }
        }
    }

    private void email(int i, String address, Instant now) {
        Instant apiFree = apiFree();
        if (apiFree.isAfter(now.plus(ThroughputPolicy.HORIZON))) {
            defer(i, RULE_API, apiFree, now);
            return;
        }
        Instant at = apiTake(now);
        sent(Channel.EMAIL, address, at);
        OutcomeModel.Email fate = s.outcomes().email(address);
        if (fate.bounces()) {
            schedule(at.plus(fate.after()), i, Kind.SUPPRESS, null, new Suppression(Suppression.Kind.HARD_BOUNCE,
                    Channel.EMAIL, address, null, "forecast: hard bounce"));
        } else if (fate.unsubscribes()) {
            schedule(at.plus(fate.after()), i, Kind.OPT_OUT, null, new Suppression(Suppression.Kind.OPT_OUT,
                    Channel.EMAIL, address, null, "forecast: unsubscribed"));
        }
        // an agentless email counts as delivered when Genesys accepts it
        Enrollment e = enrollments.get(i);
        follow(i, planner.plan(e.state, s.sequence(), new Signal.Result(Outcome.DELIVERED, Optional.empty()), at),
                at);
    }

    private void call(int i, String address, Instant now) {
        Instant free = lines.peek();
        Instant start = free.isAfter(now) ? free : now;
        if (start.isAfter(now.plus(DIALER_HORIZON))) {
            // the dialer works through its list: a contact waits its turn behind those already waiting (at the
            // average handle time per line), instead of all of them coming back when the next line is free
            Instant turn = dialerQueue.isAfter(start) ? dialerQueue : start;
            long handle = calls == 0 ? 60_000 : handledMillis / calls;
            dialerQueue = turn.plusMillis(Math.max(1, handle / s.dialerLines()));
            defer(i, RULE_DIALER, turn, now);
            return;
        }
        Enrollment e = enrollments.get(i);
        e.calls++;
        OutcomeModel.Call fate = s.outcomes().call(address, e.calls);
        lines.poll();
        Instant end = start.plus(fate.length());
        lines.add(end.plusSeconds(5)); // wrap-up of the line
        calls++;
        handledMillis += fate.length().toMillis() + 5_000;
        if (injected++ % 1000 == 0) {
            apiTake(start);
        }
        if (resultsRead++ % 50 == 0) {
            apiTake(end);
        }
        sent(Channel.VOICE, address, start);
        if (fate.outcome() == Outcome.OPTED_OUT) {
            schedule(end, i, Kind.SUPPRESS, null, new Suppression(Suppression.Kind.DNC, null, address, null,
                    "forecast: do-not-call wrap-up"));
        }
        schedule(end, i, Kind.RESULT, new Signal.Result(fate.outcome(), fate.failure()), null);
    }

    // ---- bookkeeping ------------------------------------------------------------------------------------------------

    /**
     * When the next API request may go, as the engine's pacer grants it: no 60 s window holds more than the budget
     * (a sliding-window log), and requests go in order.
     */
    private Instant apiFree() {
        Instant oldest = apiRing[(int) (apiRequests % apiRing.length)];
        Instant free = oldest == null ? Instant.MIN : oldest.plus(API_WINDOW);
        return free.isAfter(apiLast) ? free : apiLast;
    }

    /** One request of the API budget at or after {@code at}; returns when it goes. */
    private Instant apiTake(Instant at) {
        Instant free = apiFree();
        Instant go = free.isAfter(at) ? free : at;
        apiRing[(int) (apiRequests % apiRing.length)] = go;
        apiLast = go;
        apiPerMinute.merge(Math.floorDiv(go.getEpochSecond(), 60), 1, Integer::sum);
        apiRequests++;
        return go;
    }

    private void sent(Channel channel, String address, Instant at) {
        perHour.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), k -> new EnumMap<>(Channel.class))
                .merge(channel, 1, Integer::sum);
        perChannel.merge(channel, 1, Integer::sum);
        ledger.computeIfAbsent(address, k -> new ArrayList<>(2)).add(new Attempt("f" + attemptIds++, address,
                channel, at, s.campaign(), null));
        lastSend = lastSend == null || at.isAfter(lastSend) ? at : lastSend;
    }

    /** The template rendered for an original contact (copies share it), or null when it cannot be. */
    private Rendered render(int original, Contact c, String templateId) {
        String key = original + "/" + templateId;
        if (renderFailed.contains(key)) {
            return null;
        }
        Rendered r = rendered.get(key);
        if (r != null) {
            return r;
        }
        Template t = s.templates().get(templateId);
        if (t == null) {
            renderFailed.add(key);
            renderProblems.putIfAbsent(templateId, "not in the store");
            return null;
        }
        try {
            r = new TemplateRenderer(t).render(ContactVariables.of(c.data(), s.variables()));
            rendered.put(key, r);
            return r;
        } catch (TemplateRenderException ex) {
            renderFailed.add(key);
            renderProblems.putIfAbsent(templateId, ex.getMessage());
            return null;
        }
    }

    private List<Suppression> merged(List<Suppression> base, String key) {
        List<Suppression> more = added.get(key);
        if (more == null) {
            return base;
        }
        List<Suppression> all = new ArrayList<>(base);
        all.addAll(more);
        return all;
    }
}
