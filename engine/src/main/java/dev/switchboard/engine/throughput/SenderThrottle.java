package dev.switchboard.engine.throughput;

import dev.switchboard.model.throughput.Carrier;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.ThroughputPolicy;
import dev.switchboard.persistence.SenderRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMS send path's throughput check (compliance-rules.md §4, "Throughput"): before an SMS intent is committed,
 * {@link #reserve} gives it a slot on its sender, counted in segments in durable counters, or says until when it
 * must wait. A message is deferred, never dropped; one whose slot would end after the recipient's window closes is
 * not queued. The caller waits for a slot's start (at most {@link ThroughputPolicy#HORIZON} away) before the call.
 *
 * <p>One process owns the store, so reservations are serialized here; each is one committed transaction.
 */
public final class SenderThrottle {
    private final SenderRepository repo;
    private final SenderService senders;
    private final Map<String, SenderLimits> limits = new ConcurrentHashMap<>();
    private volatile Map<String, String> orgNumberTypes = Map.of();
    private volatile LocalDate pruned;

    public SenderThrottle(SenderRepository repo, SenderService senders) {
        this.repo = repo;
        this.senders = senders;
    }

    /** What a reservation answers. */
    public sealed interface Reservation {
    }

    /**
     * Send at {@code at} (wait until then first): the sender is busy with the message's segments until {@code end}.
     */
    public record SendAt(Instant at, Instant end, int segments, SenderLimits sender) implements Reservation {
    }

    /** Not now: come back at {@code until}. {@code rule} is the limit ({@code throughput.*}), {@code reason} words. */
    public record Deferred(Instant until, String rule, String reason) implements Reservation {
    }

    /**
     * The org's SMS numbers and their Genesys {@code phoneNumberType} ({@code GET /api/v2/routing/sms/phonenumbers}):
     * an unregistered number gets the defaults of its type. Forgets the limits read so far.
     */
    public void useOrgNumbers(Map<String, String> numberTypes) {
        orgNumberTypes = Map.copyOf(numberTypes);
        limits.clear();
    }

    /** Forgets the limits read so far (after a registration). */
    public void reload() {
        limits.clear();
    }

    /** The limits a number sends under: registered, else its type's defaults. */
    public SenderLimits limits(String fromNumber) {
        return limits.computeIfAbsent(fromNumber, n -> senders.limits(n, orgNumberTypes));
    }

    /** A reservation for a recipient of unknown carrier, without a window (the strictest count). */
    public Reservation reserve(String fromNumber, String toE164, int segments, Instant now) {
        return reserve(fromNumber, Carrier.UNKNOWN, segments, now, null);
    }

    /**
     * Reserves a slot for one message.
     *
     * @param carrier      the recipient's carrier ({@link Carrier#of} the contact's attributes), UNKNOWN when not known
     * @param segments     the rendered body's segments ({@code SmsSegments.of(text).segments()})
     * @param windowCloses the last instant the message may leave under the recipient's window, or null
     */
    public synchronized Reservation reserve(String fromNumber, Carrier carrier, int segments, Instant now,
                                            Instant windowCloses) {
        SenderLimits l = limits(fromNumber);
        ThroughputPolicy.Answer a = repo.reserve(l, carrier, segments, now, windowCloses);
        LocalDate today = ThroughputPolicy.tmobileDay(now);
        if (!today.equals(pruned)) {
            repo.pruneDays(today.minusDays(2));
            pruned = today;
        }
        return switch (a) {
            case ThroughputPolicy.Slot s -> new SendAt(s.start(), s.end(), s.segments(), l);
            case ThroughputPolicy.Wait w -> new Deferred(w.until(), w.rule(), w.detail());
        };
    }
}
