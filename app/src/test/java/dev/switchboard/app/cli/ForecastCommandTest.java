package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The forecast and the senders from the command line, as a new user runs them: the demo list, the outage broadcast,
 * a forecast of 3,000 texts on a long code against the sandbox's world, then the same number registered as a short
 * code.
 */
class ForecastCommandTest {
    static final String PASSWORD = CampaignCommandTest.PASSWORD;

    @TempDir
    Path dir;

    CliRunner.Run run(String... args) {
        return new CliRunner(dir.resolve("data")).run(args);
    }

    CliRunner.Run runWith(String[] lines, String... args) {
        PasswordFeed.lines(lines);
        return run(args);
    }

    CliRunner.Run as(String... args) {
        return runWith(new String[] {PASSWORD}, args);
    }

    @Test
    void aForecastOfALongCodeBroadcastShowsItsFinishAndWhatBoundIt() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        CliRunner.Run create = as("campaign", "create", "--demo", "outage-broadcast", "--as", "ada");
        assertThat(create.code()).as(create.err()).isZero();

        CliRunner.Run text = run("campaign", "forecast", "Outage broadcast", "--contacts", "3000",
                "--sender-type", "long-code", "--start-at", "2026-12-08T10:00-05:00");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("Forecast of \"Outage broadcast\": 3,000 contacts from Tue 2026-12-08 15:00"
                        + " UTC (sandbox world seed 1")
                .contains("finish        ")
                .contains("SMS sender    +13177340100: 10DLC long code (unvetted, AT&T class T), 1 segment/s")
                .contains("SMS bound by  T-Mobile's daily allowance of the brand (throughput.tmobile-daily)")
                .contains("per day (UTC)")
                .contains("    2026-12-08          0      2,000          0")
                .contains("blocked       consent")
                .contains("have no carrier on the list");

        CliRunner.Run json = run("campaign", "forecast", "Outage broadcast", "--contacts", "3000",
                "--sender-type", "long-code", "--start-at", "2026-12-08T15:00:00Z", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode r = json.json();
        assertThat(r.get("contacts").asInt()).isEqualTo(3000);
        assertThat(r.get("smsBoundBy").asString()).isEqualTo("throughput.tmobile-daily");
        assertThat(r.get("smsSender").get("type").asString()).isEqualTo("LONG_CODE");
        assertThat(r.get("sends").get("sms").asInt()).isBetween(2000, 3000);
        assertThat(r.get("peakApiPerMinute").asInt()).isPositive().isLessThanOrEqualTo(r.get("apiBudgetPerMinute")
                .asInt());
        assertThat(r.get("sendsPerHour").get(0).get("hour").asString()).isEqualTo("2026-12-08T15:00:00Z");
        String longFinish = r.get("finish").asString();

        // the brand's real figures, registered: a short code leaves the T-Mobile day behind
        CliRunner.Run set = as("sender", "set", "+13177340100", "--type", "short-code", "--as", "ada");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("Registered +13177340100: short code, 100 segments/s [registered by ada");
        CliRunner.Run list = run("sender", "list");
        assertThat(list.out()).contains("+13177340100: short code, 100 segments/s");
        CliRunner.Run faster = run("campaign", "forecast", "Outage broadcast", "--contacts", "3000",
                "--start-at", "2026-12-08T15:00:00Z", "--json");
        assertThat(faster.code()).as(faster.err()).isZero();
        assertThat(faster.json().get("smsBoundBy").asString()).isEqualTo("api.budget");
        assertThat(faster.json().get("finish").asString()).isLessThan(longFinish);
    }

    @Test
    void badFlagsAndUnknownCampaignsAreNamed() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        CliRunner.Run none = run("campaign", "forecast", "Nope");
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("No campaign named \"Nope\"");
        CliRunner.Run type = run("campaign", "forecast", "Nope", "--sender-type", "pager");
        assertThat(type.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(type.err()).contains("--sender-type: \"pager\" is not a number type");
        CliRunner.Run start = run("campaign", "forecast", "Nope", "--start-at", "tomorrow");
        assertThat(start.err()).contains("--start-at: 'tomorrow' is not a time");
        CliRunner.Run contacts = run("campaign", "forecast", "Nope", "--contacts", "0");
        assertThat(contacts.err()).contains("--contacts: between 1 and");

        CliRunner.Run bad = as("sender", "set", "+13177340100", "--type", "toll-free", "--att-class", "B", "--as",
                "ada");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("are for 10DLC long codes; a toll-free has none");
        CliRunner.Run cls = as("sender", "set", "+13177340100", "--type", "long-code", "--att-class", "Z", "--as",
                "ada");
        assertThat(cls.err()).contains("--att-class: \"Z\" is not an AT&T class");
        CliRunner.Run num = as("sender", "set", "317-734", "--type", "long-code", "--as", "ada");
        assertThat(num.err()).contains("NUMBER: '317-734' is neither an E.164 number");
        CliRunner.Run ok = as("sender", "set", "+13177340101", "--type", "long-code", "--att-class", "B",
                "--tmobile-tier", "40000", "--brand", "ACME", "--as", "ada");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("+13177340101: 10DLC long code (score 51-75, AT&T class B), 1 segment/s,"
                + " AT&T 4500/min, T-Mobile 40000/day, brand ACME");
        CliRunner.Run json = run("sender", "list", "--json");
        assertThat(json.json().get(0).get("tmobilePerDay").asInt()).isEqualTo(40000);
    }
}
