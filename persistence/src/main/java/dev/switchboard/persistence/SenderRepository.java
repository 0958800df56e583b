package dev.switchboard.persistence;

import dev.switchboard.model.throughput.AttClass;
import dev.switchboard.model.throughput.Carrier;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.ThroughputPolicy;
import dev.switchboard.model.throughput.TrustTier;
import dev.switchboard.persistence.jooq.tables.records.SenderUsageRecord;
import dev.switchboard.persistence.jooq.tables.records.SmsSenderRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.SENDER_USAGE;
import static dev.switchboard.persistence.jooq.Tables.SMS_SENDER;

/**
 * SMS senders: the registered throughput limits of each number, and the durable counters of the throughput buckets.
 * A reservation reads the counters it needs, decides with {@link ThroughputPolicy} and writes them back in one
 * transaction (committed with {@code WRITE_DELAY=0}), so the counters survive a crash and a restart cannot burst.
 */
public final class SenderRepository {
    private final DSLContext dsl;

    public SenderRepository(Store store) {
        this.dsl = store.dsl();
    }

    // ---- registered limits ----------------------------------------------------------------------------------------

    /** Registers or replaces a number's limits. */
    public void put(SenderLimits l, String by, Instant at) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.deleteFrom(SMS_SENDER).where(SMS_SENDER.PHONE_NUMBER.eq(l.number())).execute();
            tx.insertInto(SMS_SENDER)
                    .set(SMS_SENDER.PHONE_NUMBER, l.number())
                    .set(SMS_SENDER.NUMBER_TYPE, l.type().name())
                    .set(SMS_SENDER.TRUST_TIER, l.tier() == null ? null : l.tier().name())
                    .set(SMS_SENDER.ATT_CLASS, l.attClass() == null ? null : l.attClass().name())
                    .set(SMS_SENDER.SEGMENTS_PER_SECOND, l.segmentsPerSecond())
                    .set(SMS_SENDER.ATT_PER_MINUTE, l.attPerMinute())
                    .set(SMS_SENDER.TMOBILE_PER_DAY, l.tmobilePerDay())
                    .set(SMS_SENDER.BRAND, l.brand())
                    .set(SMS_SENDER.ATT_CAMPAIGN, l.attCampaign())
                    .set(SMS_SENDER.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(SMS_SENDER.UPDATED_BY, by)
                    .execute();
        });
    }

    public Optional<SenderLimits> find(String number) {
        return dsl.selectFrom(SMS_SENDER).where(SMS_SENDER.PHONE_NUMBER.eq(number))
                .fetchOptional(SenderRepository::limits);
    }

    public List<SenderLimits> all() {
        return dsl.selectFrom(SMS_SENDER).orderBy(SMS_SENDER.PHONE_NUMBER).fetch(SenderRepository::limits);
    }

    private static SenderLimits limits(SmsSenderRecord r) {
        return new SenderLimits(r.getPhoneNumber(), NumberType.valueOf(r.getNumberType()),
                r.getTrustTier() == null ? null : TrustTier.valueOf(r.getTrustTier()),
                r.getAttClass() == null ? null : AttClass.valueOf(r.getAttClass()), r.getSegmentsPerSecond(),
                r.getAttPerMinute(), r.getTmobilePerDay(), r.getBrand(), r.getAttCampaign(),
                "registered by " + r.getUpdatedBy() + " at " + r.getUpdatedAt().toInstant());
    }

    // ---- the counters -----------------------------------------------------------------------------------------------

    /**
     * Reserves a slot for one message, or says until when it must wait (see {@link ThroughputPolicy#reserve}): the
     * counters are read under row locks, updated and committed in one transaction. Callers in one process should
     * still call this one at a time (two transactions creating the same new bucket would collide).
     */
    public ThroughputPolicy.Answer reserve(SenderLimits limits, Carrier carrier, int segments, Instant now,
                                           Instant windowCloses) {
        return dsl.transactionResult(cfg -> {
            TxLedger ledger = new TxLedger(DSL.using(cfg));
            ThroughputPolicy.Answer a = ThroughputPolicy.reserve(ledger, limits, carrier, segments, now,
                    windowCloses);
            ledger.write(now);
            return a;
        });
    }

    /** Forgets T-Mobile days before {@code before} (they can never count again). */
    public int pruneDays(LocalDate before) {
        return dsl.deleteFrom(SENDER_USAGE).where(SENDER_USAGE.TMOBILE_DAY.lt(before)).execute();
    }

    /** The segments counted on a T-Mobile brand-day ({@link SenderLimits#tmobileKey()}), for status screens. */
    public long tmobileUsed(String tmobileKey, LocalDate day) {
        return dsl.select(SENDER_USAGE.USED_SEGMENTS).from(SENDER_USAGE)
                .where(SENDER_USAGE.BUCKET.eq(dayKey(tmobileKey, day))).fetchOptional(r -> r.value1()).orElse(0L);
    }

    private static String dayKey(String key, LocalDate day) {
        return "tmobile " + key + " " + day;
    }

    /** The ledger of one transaction: rows read under lock on first use, written back at the end. */
    private static final class TxLedger implements ThroughputPolicy.Ledger {
        private final DSLContext tx;
        private final Map<String, ThroughputPolicy.Pace> paces = new LinkedHashMap<>();
        private final Map<String, ThroughputPolicy.Day> days = new LinkedHashMap<>();
        private final Map<String, LocalDate> dayOf = new LinkedHashMap<>();
        private final Map<String, Boolean> exists = new LinkedHashMap<>();

        TxLedger(DSLContext tx) {
            this.tx = tx;
        }

        private SenderUsageRecord read(String bucket) {
            SenderUsageRecord r = tx.selectFrom(SENDER_USAGE).where(SENDER_USAGE.BUCKET.eq(bucket)).forUpdate()
                    .fetchOne();
            exists.put(bucket, r != null);
            return r;
        }

        @Override
        public ThroughputPolicy.Pace pace(String key) {
            return paces.computeIfAbsent(key, k -> {
                SenderUsageRecord r = read(k);
                return r == null ? new ThroughputPolicy.Pace(0, 0)
                        : new ThroughputPolicy.Pace(r.getFreeAtNs(), r.getBookedUntilNs());
            });
        }

        @Override
        public ThroughputPolicy.Day day(String key, LocalDate day) {
            String bucket = dayKey(key, day);
            dayOf.put(bucket, day);
            return days.computeIfAbsent(bucket, k -> {
                SenderUsageRecord r = read(k);
                return r == null ? new ThroughputPolicy.Day(0, 0)
                        : new ThroughputPolicy.Day(r.getUsedSegments(), r.getBookedSegments());
            });
        }

        void write(Instant now) {
            var at = now.atOffset(ZoneOffset.UTC);
            paces.forEach((bucket, p) -> upsert(bucket, p.freeAtNanos(), p.bookedUntilNanos(), 0, 0, null, at));
            days.forEach((bucket, d) -> upsert(bucket, 0, 0, d.used(), d.booked(), dayOf.get(bucket), at));
        }

        private void upsert(String bucket, long freeAt, long bookedUntil, long used, long booked, LocalDate day,
                            java.time.OffsetDateTime at) {
            if (exists.get(bucket)) {
                tx.update(SENDER_USAGE)
                        .set(SENDER_USAGE.FREE_AT_NS, freeAt)
                        .set(SENDER_USAGE.BOOKED_UNTIL_NS, bookedUntil)
                        .set(SENDER_USAGE.USED_SEGMENTS, used)
                        .set(SENDER_USAGE.BOOKED_SEGMENTS, booked)
                        .set(SENDER_USAGE.UPDATED_AT, at)
                        .where(SENDER_USAGE.BUCKET.eq(bucket))
                        .execute();
            } else if (freeAt != 0 || bookedUntil != 0 || used != 0 || booked != 0) {
                tx.insertInto(SENDER_USAGE)
                        .set(SENDER_USAGE.BUCKET, bucket)
                        .set(SENDER_USAGE.FREE_AT_NS, freeAt)
                        .set(SENDER_USAGE.BOOKED_UNTIL_NS, bookedUntil)
                        .set(SENDER_USAGE.USED_SEGMENTS, used)
                        .set(SENDER_USAGE.BOOKED_SEGMENTS, booked)
                        .set(SENDER_USAGE.TMOBILE_DAY, day)
                        .set(SENDER_USAGE.UPDATED_AT, at)
                        .execute();
            }
        }
    }
}
