package dev.switchboard.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.ThroughputPolicy;
import dev.switchboard.model.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasts on small lists, with a world where everything is delivered, so the figures are exact. */
class ForecastTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    /** A Tuesday in standard time. */
    private static final ZonedDateTime TUESDAY = ZonedDateTime.of(2026, 12, 8, 11, 0, 0, 0, NY);

    /** Every SMS delivered 3 s after it leaves, nobody replies, no email bounces, every call answered. */
    static final OutcomeModel PERFECT = new OutcomeModel() {
        @Override
        public Sms sms(String address) {
            return new Sms(true, null, Duration.ofSeconds(3), false, Duration.ZERO);
        }

        @Override
        public Email email(String address) {
            return new Email(false, false, Duration.ZERO);
        }

        @Override
        public Call call(String address, int attempt) {
            return new Call(Outcome.ANSWERED, Optional.empty(), Duration.ofSeconds(60));
        }
    };

    @TempDir
    Path dir;
    Workspace ws;
    Actor ada;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("data"), "the forecast test");
        ws.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        ada = ws.users().authenticate("ada", "admin-pass-1".toCharArray());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** A list of {@code n} New York mobiles with SMS consent, and the outage broadcast on it (one SMS each). */
    private void broadcast(int n) throws Exception {
        broadcast(n, null);
    }

    /** The same, with a carrier column when {@code carrier} is not null. */
    private void broadcast(int n, String carrier) throws Exception {
        StringBuilder sb = new StringBuilder("external_id,first_name,last_name,mobile_phone,zip,state,sms_consent,"
                + "outage_area,restore_eta" + (carrier == null ? "" : ",carrier") + "\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format("K-%05d,First%d,Last%d,(212) %03d-%04d,10001,NY,yes,Manhattan,6 pm%s%n", i, i, i,
                    736 + i / 9000, 1000 + i % 9000, carrier == null ? "" : "," + carrier));
        }
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, sb.toString());
        ws.imports().run(ImportRequest.of(csv, "NY list"), ImportListener.NONE, () -> false);
        CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
        ws.campaigns().create(ada, new CampaignService.Spec("Outage", "NY list", demo.sequence(), null,
                demo.purpose(), demo.smsFrom(), null, demo.variables()));
    }

    private ForecastReport forecast(ForecastService.Options o) throws Exception {
        return ForecastService.forecast(ws, "Outage", o, PERFECT, Forecast.Listener.NONE, () -> false);
    }

    private static ForecastService.Options at(ZonedDateTime start) {
        return ForecastService.Options.defaults(start.toInstant());
    }

    @Test
    void tenTextsOnALongCodeLeaveOneASecond() throws Exception {
        broadcast(10);
        ForecastReport r = forecast(at(TUESDAY));
        assertThat(r.contacts()).isEqualTo(10);
        assertThat(r.sendsPerChannel()).containsExactly(Map.entry(Channel.SMS, 10));
        assertThat(r.smsSegments()).isEqualTo(10);
        // an unregistered long code: 1 segment a second; the last leaves at 11:00:09
        assertThat(r.lastSend()).isEqualTo(TUESDAY.plusSeconds(9).toInstant());
        // delivered 3 s later, seen at the first status poll 5 s after the send, and the sequence ends
        assertThat(r.finish()).isEqualTo(TUESDAY.plusSeconds(14).toInstant());
        assertThat(r.unfinished()).isZero();
        assertThat(r.exits()).containsExactly(Map.entry("sent", 10));
        assertThat(r.smsSender().type()).isEqualTo(NumberType.LONG_CODE);
        assertThat(r.smsBoundBy()).isEqualTo(ThroughputPolicy.RULE_NUMBER);
        assertThat(r.smsSendingTime()).isEqualTo(Duration.ofSeconds(10));
        // one send and one status poll each
        assertThat(r.apiRequests()).isEqualTo(20);
        assertThat(r.peakApiPerMinute()).isEqualTo(20);
        assertThat(r.blocksPerRule()).isEmpty();
    }

    @Test
    void textsThatCannotLeaveBeforeTheWindowClosesWaitForTheNextWindow() throws Exception {
        broadcast(10);
        // the pack's SMS window closes at 18:00: slots at 17:59:55 .. :58 end in time, the rest go at 10:00 the
        // next day (the product default window 10:00-18:00)
        ZonedDateTime start = TUESDAY.withHour(17).withMinute(59).withSecond(55);
        ForecastReport r = forecast(at(start));
        assertThat(r.sendsPerHour()).containsExactly(
                Map.entry(start.withMinute(0).withSecond(0).toInstant(), Map.of(Channel.SMS, 4)),
                Map.entry(start.plusDays(1).withHour(10).withMinute(0).withSecond(0).toInstant(),
                        Map.of(Channel.SMS, 6)));
        assertThat(r.deferralsPerRule()).containsKey(ThroughputPolicy.RULE_WINDOW);
        assertThat(r.lastSend()).isEqualTo(start.plusDays(1).withHour(10).withMinute(0).withSecond(5).toInstant());
    }

    @Test
    void aSuppressedContactIsNeverCountedAsASend() throws Exception {
        broadcast(10);
        ws.suppressions().add(ada, Suppression.Kind.DNC, null, "+12127361003", null, "asked by phone",
                "the test");
        ForecastReport r = forecast(at(TUESDAY));
        assertThat(r.sendsPerChannel()).containsExactly(Map.entry(Channel.SMS, 9));
        assertThat(r.blocksPerRule().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(r.blocksPerRule().keySet()).singleElement().asString().startsWith("suppression");
        assertThat(r.exits()).containsEntry("sent", 9).containsEntry("not delivered", 1);
    }

    @Test
    void aShortCodeIsBoundByTheApiBudgetInstead() throws Exception {
        broadcast(600);
        ForecastReport longCode = forecast(at(TUESDAY));
        ForecastReport shortCode = forecast(new ForecastService.Options(null, NumberType.SHORT_CODE,
                TUESDAY.toInstant(), 1, 300, 5, 60));
        // 600 segments at 1 a second
        assertThat(Duration.between(TUESDAY.toInstant(), longCode.lastSend())).isEqualTo(Duration.ofSeconds(599));
        assertThat(longCode.smsBoundBy()).isEqualTo(ThroughputPolicy.RULE_NUMBER);
        // a short code sends 100 a second, but each SMS takes a send and a poll of the 291 requests a minute
        assertThat(shortCode.smsBoundBy()).isEqualTo(Forecast.RULE_API);
        assertThat(shortCode.lastSend()).isBefore(longCode.lastSend());
        assertThat(shortCode.peakApiPerMinute()).isLessThanOrEqualTo(291);
        assertThat(shortCode.sendsPerChannel()).containsEntry(Channel.SMS, 600);
    }

    @Test
    void anUnvettedBrandSendsTwoThousandADayToUnknownCarriersAndMoreToKnownOthers() throws Exception {
        broadcast(2500);
        ForecastReport unknown = forecast(at(TUESDAY));
        // T-Mobile's 2,000 a day (reset at midnight Pacific) binds, since an unknown carrier may be T-Mobile
        assertThat(unknown.smsBoundBy()).isEqualTo(ThroughputPolicy.RULE_TMOBILE);
        Instant wednesday = TUESDAY.plusDays(1).withHour(0).toInstant();
        assertThat(unknown.sendsPerHour().entrySet().stream().filter(e -> e.getKey().isBefore(wednesday))
                .mapToInt(e -> e.getValue().get(Channel.SMS)).sum()).isEqualTo(2000);
        // the other 500 at Wednesday's window, 10:00 New York (T-Mobile's day began at 03:00 New York)
        assertThat(unknown.lastSend()).isEqualTo(TUESDAY.plusDays(1).withHour(10).plusSeconds(499).toInstant());
        assertThat(unknown.warnings()).anyMatch(w -> w.contains("2500 of 2500 contacts have no carrier"));
    }

    @Test
    void recipientsOnOtherCarriersAreHeldOnlyToTheNumbersRate() throws Exception {
        broadcast(2500, "Verizon Wireless");
        ForecastReport r = forecast(at(TUESDAY));
        assertThat(r.smsBoundBy()).isEqualTo(ThroughputPolicy.RULE_NUMBER);
        assertThat(Duration.between(TUESDAY.toInstant(), r.lastSend())).isEqualTo(Duration.ofSeconds(2499));
        assertThat(r.warnings()).noneMatch(w -> w.contains("carrier"));
    }

    @Test
    void aListScaledToManyContactsGetsDistinctAddressesInTheSameAreaCodes() throws Exception {
        broadcast(10);
        ForecastReport r = forecast(new ForecastService.Options(1000, NumberType.SHORT_CODE, TUESDAY.toInstant(),
                1, 100_000, 5, 60));
        assertThat(r.contacts()).isEqualTo(1000);
        assertThat(r.sendsPerChannel()).containsEntry(Channel.SMS, 1000);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String n = Forecast.synthetic("+12127361000", i);
            assertThat(n).startsWith("+1212").hasSize(12);
            assertThat(n.substring(5, 8)).as("exchange").isNotEqualTo("555");
            numbers.add(n);
        }
        assertThat(numbers).hasSize(200_000);
    }

    @Test
    void optOutsEndTheSequenceAndAreSuppressed() throws Exception {
        broadcast(10);
        OutcomeModel stops = new OutcomeModel() {
            @Override
            public Sms sms(String address) {
                return address.endsWith("1000") ? new Sms(false, FailureReason.INVALID_DESTINATION,
                        Duration.ofSeconds(2), false, Duration.ZERO)
                        : new Sms(true, null, Duration.ofSeconds(2), true, Duration.ofMinutes(1));
            }

            @Override
            public Email email(String address) {
                return PERFECT.email(address);
            }

            @Override
            public Call call(String address, int attempt) {
                return PERFECT.call(address, attempt);
            }
        };
        ForecastReport r = ForecastService.forecast(ws, "Outage", at(TUESDAY), stops, Forecast.Listener.NONE,
                () -> false);
        // the one undeliverable number fails; the others end at their delivery, before their STOP arrives
        assertThat(r.exits()).containsEntry("not delivered", 1).containsEntry("sent", 9);
        assertThat(r.sendsPerChannel()).containsEntry(Channel.SMS, 10);
    }
}
