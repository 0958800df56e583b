package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ipc.EngineEndpointFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The operator's commands while {@code switchboard engine} runs (in this JVM, through the same in-process runner):
 * the engine holds the store, so campaign commands must go through its loopback API; with {@code --until-idle} it
 * ends by itself once no campaign runs.
 */
class CampaignEngineCommandTest {
    static final String PASSWORD = CampaignCommandTest.PASSWORD;

    @TempDir
    Path dir;

    Path data() {
        return dir.resolve("data");
    }

    CliRunner.Run run(String... args) {
        return new CliRunner(data()).run(args);
    }

    CliRunner.Run runWith(String[] lines, String... args) {
        PasswordFeed.lines(lines);
        return run(args);
    }

    CliRunner.Run as(String... args) {
        return runWith(new String[] {PASSWORD}, args);
    }

    /** A Tuesday 15:00 UTC at least two days ahead (10:00 in New York, 09:00 in Chicago). */
    static Instant aTuesdayAfternoonAhead() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
                .atTime(LocalTime.of(15, 0)).toInstant(ZoneOffset.UTC);
    }

    CompletableFuture<CliRunner.Run> startEngine(String... extra) throws Exception {
        String[] args = new String[] {"engine", "--until-idle", "--speed", "14400", "--start-at",
                aTuesdayAfternoonAhead().toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        CompletableFuture<CliRunner.Run> engine = CompletableFuture.supplyAsync(() -> run(all),
                runnable -> Thread.ofPlatform().name("engine-under-test").daemon().start(runnable));
        Path endpoint = EngineEndpointFile.path(data());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(endpoint)) {
            assertThat(engine).as("the engine ended before its API was up").isNotDone();
            assertThat(System.nanoTime()).as("the engine's API file within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        return engine;
    }

    String state(String campaign) throws InterruptedException {
        CliRunner.Run list = run("campaign", "list", "--json");
        // an engine run --until-idle may be going idle and closing: its API is down before the store is released
        for (int i = 0; i < 150 && list.code() == ExitCodes.STORE; i++) {
            Thread.sleep(200);
            list = run("campaign", "list", "--json");
        }
        assertThat(list.code()).as(list.err()).isZero();
        for (JsonNode c : list.json()) {
            if (c.get("name").asString().equals(campaign)) {
                return c.get("state").asString();
            }
        }
        throw new AssertionError("no campaign " + campaign + " in " + list.out());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void whileTheEngineRunsCampaignCommandsGoThroughItsApiAndItStopsWhenIdle() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        // A campaign running before the engine starts, so that --until-idle does not end the engine before the
        // test has launched anything through its API (it checks for idleness every second from the start).
        assertThat(as("campaign", "create", "--demo", "overdue-payments", "--as", "ada").code()).isZero();
        CliRunner.Run keeper = as("campaign", "launch", "Overdue payments", "--as", "ada");
        assertThat(keeper.code()).as(keeper.out() + keeper.err()).isZero();

        CompletableFuture<CliRunner.Run> engine = startEngine();
        boolean passed = false;
        try {
            CliRunner.Run held = run("lists");
            assertThat(held.code()).as("the engine holds the store and runs store commands itself: " + held.err())
                    .isZero();
            assertThat(held.out()).contains("Demo contacts");

            CliRunner.Run create = as("campaign", "create", "--demo", "outage-broadcast", "--as", "ada");
            assertThat(create.code()).as(create.out() + create.err()).isZero();
            assertThat(create.out()).contains("Outage broadcast: draft");
            CliRunner.Run launch = as("campaign", "launch", "Outage broadcast", "--as", "ada");
            assertThat(launch.code()).as(launch.out() + launch.err()).isZero();
            assertThat(launch.out()).containsPattern("\\[ok\\]\\s+SMS sender").doesNotContain("[FAIL]")
                    .contains("Launched: 12 contacts enrolled.")
                    .as("the engine sends by itself").doesNotContain("Start the engine");
            CliRunner.Run wrong = runWith(new String[] {"wrong"}, "campaign", "stop", "Outage broadcast",
                    "--reason", "r", "--as", "ada");
            assertThat(wrong.code()).as("a wrong password over the API").isEqualTo(ExitCodes.DENIED);

            CliRunner.Run second = as("campaign", "create", "--demo", "outage-broadcast", "--name", "Outage drill",
                    "--as", "ada");
            assertThat(second.code()).as(second.out() + second.err()).isZero();
            CliRunner.Run launch2 = as("campaign", "launch", "Outage drill", "--as", "ada");
            assertThat(launch2.code()).as(launch2.out() + launch2.err()).isZero();
            CliRunner.Run pause = as("campaign", "pause", "Outage drill", "--reason", "drill over", "--as", "ada");
            assertThat(pause.code()).as(pause.out() + pause.err()).isZero();
            assertThat(pause.out()).contains("Outage drill: paused (drill over)");
            assertThat(state("Outage drill")).isEqualTo("paused");
            CliRunner.Run pauseAgain = as("campaign", "pause", "Outage drill", "--reason", "again", "--as", "ada");
            assertThat(pauseAgain.code()).as("refused over the API too").isEqualTo(ExitCodes.CHECK_FAILED);

            CliRunner.Run stop = as("campaign", "stop", "Overdue payments", "--reason", "not today", "--as", "ada");
            assertThat(stop.code()).as(stop.out() + stop.err()).isZero();
            assertThat(state("Overdue payments")).isEqualTo("stopped");

            CliRunner.Run status = run("campaign", "status", "Outage broadcast");
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(status.out()).containsPattern("engine: epoch \\d+, \\d+ sends").contains("kill switch off");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            JsonNode stats;
            while (true) {
                CliRunner.Run s = run("campaign", "status", "Outage broadcast", "--json");
                if (s.code() == ExitCodes.STORE) {
                    // the engine went idle between two polls and is shutting down: once it has ended, the store is
                    // ours again
                    engine.get(30, TimeUnit.SECONDS);
                    s = run("campaign", "status", "Outage broadcast", "--json");
                }
                assertThat(s.code()).as(s.err()).isZero();
                stats = s.json();
                if (stats.get("campaign").get("state").asString().equals("completed")) {
                    break;
                }
                assertThat(System.nanoTime()).as("Outage broadcast completed within 60 s: " + s.out())
                        .isLessThan(deadline);
                Thread.sleep(250);
            }
            assertThat(stats.get("campaign").get("stateReason").asString()).isEqualTo("every enrollment ended");
            assertThat(stats.get("enrollments").has("ready")).as(stats.toString()).isFalse();
            passed = true;
        } finally {
            if (!passed) {
                // let the engine go idle (and end) rather than outlive the test; the failure above is what counts
                for (String c : new String[] {"Outage broadcast", "Outage drill", "Overdue payments"}) {
                    as("campaign", "stop", c, "--reason", "test failed", "--as", "ada");
                }
                engine.orTimeout(60, TimeUnit.SECONDS).exceptionally(t -> null).join();
            }
        }
        {
            CliRunner.Run ended = engine.get(60, TimeUnit.SECONDS);
            assertThat(ended.code()).as(ended.out() + ended.err()).isZero();
            assertThat(ended.out()).contains("Switchboard engine running (epoch")
                    .contains("Idle: no campaign runs and no attempt waits for reconciliation.")
                    .contains("Engine stopped.");
        }
        assertThat(EngineEndpointFile.path(data())).as("the engine removed its API file").doesNotExist();

        CliRunner.Run contact = run("contact", "C-1002", "--list", "Demo contacts", "--json");
        assertThat(contact.code()).as(contact.err()).isZero();
        JsonNode timeline = contact.json();
        assertThat(timeline.get("externalKey").asString()).isEqualTo("C-1002");
        boolean attempted = false;
        for (JsonNode item : timeline.get("past")) {
            attempted |= item.get("kind").asString().equals("ATTEMPT")
                    && item.get("campaign").asString().equals("Outage broadcast")
                    && "SMS".equals(item.get("channel").asString());
        }
        assertThat(attempted).as("an SMS ATTEMPT of Outage broadcast in C-1002's past: " + timeline).isTrue();
        CliRunner.Run evidence = run("evidence", "--campaign", "Outage broadcast");
        assertThat(evidence.code()).as(evidence.err()).isZero();
        // one SMS sent to C-1002 (a send held back at the last moment is a NOT_SENT attempt, and another follows)
        assertThat(evidence.out().lines().filter(l -> l.contains("C-1002") && l.contains(",SENT,")).count())
                .as(evidence.out()).isEqualTo(1);
        assertThat(evidence.out()).as("a campaign's evidence masks addresses").doesNotContain("+13122362671")
                .contains("*******2671");
        assertThat(run("evidence", "--campaign", "Outage broadcast", "--unmasked").code())
                .as("--unmasked needs --as").isEqualTo(ExitCodes.USAGE);
        CliRunner.Run unmasked = as("evidence", "--campaign", "Outage broadcast", "--unmasked", "--as", "ada");
        assertThat(unmasked.code()).as(unmasked.err()).isZero();
        assertThat(unmasked.out()).contains("+13122362671");
        assertThat(run("audit", "list").out()).contains("evidence.export-unmasked");
        CliRunner.Run queue = run("queue");
        assertThat(queue.out()).contains("The operator queue is empty");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void untilIdleWithNothingRunningEndsAtOnce() throws Exception {
        CliRunner.Run engine = run("engine", "--until-idle", "--speed", "60", "--quiet");
        assertThat(engine.code()).as(engine.out() + engine.err()).isZero();
        assertThat(engine.out()).contains("Idle:").contains("Engine stopped.");
        assertThat(EngineEndpointFile.path(data())).doesNotExist();
        assertThat(run("campaign", "list").out()).contains("No campaigns.");
    }
}
