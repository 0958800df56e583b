package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.FakeEngineMonitor;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.EngineEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static dev.switchboard.app.console.campaigns.FakeCampaignBackend.T0;
import static dev.switchboard.app.console.campaigns.FakeCampaignBackend.step;
import static dev.switchboard.app.console.campaigns.FakeCampaignBackend.view;
import static org.assertj.core.api.Assertions.assertThat;

/** The Campaigns screen's view model and its live view, in plain JUnit with a same-thread runner. */
class CampaignsViewModelTest {
    private final FakeCampaignBackend backend = new FakeCampaignBackend();
    private final FakeEngineMonitor engine = new FakeEngineMonitor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final TestTaskRunner tasks = TestTaskRunner.immediate();
    private CampaignsViewModel vm;

    @BeforeEach
    void setUp() {
        backend.add(new CampaignBackend.Summary(view(1, "Outage broadcast", "service", "running", null), 12, 3,
                        null), step("notify", "sms", 9, 3, 3, 0, 0, 0), step("mail", "email", 0, 1, 1, 0, 0, 0));
        backend.add(new CampaignBackend.Summary(view(2, "Overdue payments", "collections", "paused",
                CampaignService.BREAKER_PREFIX + "429 storm: 30 in a minute; resume with --acknowledge"), 40, 2,
                null), step("sms-1", "sms", 38, 2, 2, 0, 0, 0));
        vm = new CampaignsViewModel(backend, engine, tasks, dialogs, ZoneOffset.UTC, java.time.Duration.ZERO,
                System::nanoTime);
    }

    @Test
    void startReadsTheCampaignsSelectsTheFirstAndShowsItsFunnelAndTheEngine() {
        vm.start();

        assertThat(vm.campaigns()).extracting(CampaignBackend.Summary::name)
                .containsExactly("Outage broadcast", "Overdue payments");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Outage broadcast");
        assertThat(vm.live().stateProperty().get()).isEqualTo(CampaignState.RUNNING);
        assertThat(vm.live().steps()).extracting(CampaignService.StepStats::step).containsExactly("notify", "mail");
        assertThat(vm.live().progressProperty().get()).isEqualTo(0.25);
        assertThat(vm.live().progressTextProperty().get()).isEqualTo("3 of 12 contacts done");
        assertThat(vm.engineStatusProperty().get().org()).isEqualTo("Sandbox org");
        assertThat(vm.live().canPauseProperty().get()).isTrue();
        assertThat(vm.live().canResumeProperty().get()).isFalse();
        assertThat(engine.listeners()).isEqualTo(1);
    }

    @Test
    void newCampaignProposesTheSignedInProfile() {
        vm.setSignedIn(() -> "ada");
        vm.start();

        assertThat(vm.newCampaign().profileProperty().get()).isEqualTo("ada");
    }

    @Test
    void eventsNameContactsByTheirListKeysLookedUpOnceOnAWorker() {
        backend.keys.put(7L, "C-1007");
        vm.start();

        engine.emit(new EngineEvent(T0, "SENT", 1, 7, "notify", "SMS to ***0107"));
        engine.emit(new EngineEvent(T0.plusSeconds(1), "DELIVERED", 1, 7, "notify", "delivered"));
        engine.emit(new EngineEvent(T0.plusSeconds(2), "SENT", 1, 8, "notify", "a contact deleted meanwhile"));

        assertThat(vm.live().events()).extracting(LiveViewModel.EventRow::contact)
                .containsExactly("#8", "C-1007", "C-1007");
        assertThat(vm.live().events()).extracting(LiveViewModel.EventRow::contactId).containsExactly(8L, 7L, 7L);
        assertThat(backend.keyLookups).as("each id asked for once").containsExactly(java.util.Set.of(7L),
                java.util.Set.of(8L));
    }

    @Test
    void eventsAreCoalescedIntoOneReadPerTickAndTheEventListIsBoundedNewestFirst() {
        vm.start();
        int reads = backend.campaignReads;

        for (int i = 0; i < 500; i++) {
            engine.emit(new EngineEvent(T0.plusSeconds(i / 10), "SENT", 1, i + 1, "notify", "SMS " + i));
        }
        engine.emit(new EngineEvent(T0, "SENT", 2, 9999, "sms-1", "another campaign"));

        assertThat(backend.campaignReads).isEqualTo(reads);
        assertThat(vm.live().events()).hasSize(LiveViewModel.EVENT_ROWS);
        assertThat(vm.live().events().getFirst().contact()).isEqualTo("#500");
        assertThat(vm.live().events()).noneMatch(e -> e.contact().equals("#9999"));

        tasks.fireTimers();
        assertThat(backend.campaignReads).isEqualTo(reads + 1);
        tasks.fireTimers();
        assertThat(backend.campaignReads).as("quiet: no read on the next tick").isEqualTo(reads + 1);
    }

    @Test
    void eventsReachTheLiveViewAtMostOnceEveryLiveInterval() {
        long[] now = {0};
        vm = new CampaignsViewModel(backend, engine, tasks, dialogs, ZoneOffset.UTC, java.time.Duration.ofMillis(500),
                () -> now[0]);
        vm.start();

        engine.emit(new EngineEvent(T0, "SENT", 1, 1, "notify", "first"));
        assertThat(vm.live().events()).as("the first event shows at once").hasSize(1);
        now[0] += 100_000_000;
        engine.emit(new EngineEvent(T0.plusSeconds(1), "SENT", 1, 2, "notify", "second"));
        engine.emit(new EngineEvent(T0.plusSeconds(2), "SENT", 1, 3, "notify", "third"));
        assertThat(vm.live().events()).as("within the interval: held back").hasSize(1);

        now[0] += 400_000_000;
        tasks.fireTimers();
        assertThat(vm.live().events()).extracting(LiveViewModel.EventRow::detail)
                .containsExactly("third", "second", "first");
        now[0] += 600_000_000;
        engine.emit(new EngineEvent(T0.plusSeconds(3), "SENT", 1, 4, "notify", "fourth"));
        assertThat(vm.live().events()).as("after a quiet interval: at once").hasSize(4);
    }

    @Test
    void anEventOpensItsContactsTimelineAndAnEventAboutNoContactOpensNothing() {
        java.util.List<Long> opened = new java.util.ArrayList<>();
        vm.setTimelineOpener(opened::add);
        vm.start();
        engine.emit(new EngineEvent(T0, "SENT", 1, 12, "notify", "SMS to ****7725"));
        engine.emit(new EngineEvent(T0.plusSeconds(1), "MESSAGING", 1, 0, null, "Genesys messaging campaign started"));

        assertThat(vm.live().canOpenTimeline()).isTrue();
        vm.live().openTimeline(vm.live().events().get(0));
        vm.live().openTimeline(vm.live().events().get(1));

        assertThat(opened).containsExactly(12L);
    }

    @Test
    void aQuietScreenReadsAgainEveryFewTicks() {
        vm.start();
        int reads = backend.campaignReads;
        for (int i = 0; i < CampaignsViewModel.QUIET_TICKS; i++) {
            tasks.fireTimers();
        }
        assertThat(backend.campaignReads).isEqualTo(reads + 1);

        vm.stop();
        assertThat(tasks.fireTimers()).isZero();
    }

    @Test
    void sendsPerMinuteAreCountedPerChannelFromTheStepsChannel() {
        vm.start();
        engine.emit(new EngineEvent(T0.plusSeconds(5), "SENT", 1, 1, "notify", ""));
        engine.emit(new EngineEvent(T0.plusSeconds(50), "SENT", 1, 2, "notify", ""));
        engine.emit(new EngineEvent(T0.plusSeconds(65), "SENT", 1, 3, "mail", ""));
        engine.emit(new EngineEvent(T0.plusSeconds(66), "DELIVERED", 1, 3, "mail", ""));

        List<LiveViewModel.MinuteSends> minutes = vm.live().throughput();
        assertThat(minutes).hasSize(LiveViewModel.MINUTES);
        assertThat(minutes.getLast().minute()).isEqualTo("15:01");
        assertThat(minutes.getLast().perChannel()).containsEntry("email", 1).containsEntry("sms", 0);
        assertThat(minutes.get(minutes.size() - 2).perChannel()).containsEntry("sms", 2);
    }

    @Test
    void apiUseIsRequestsPerMinuteFromTheEnginesCounterAgainstTheOrgLimit() {
        vm.start();
        engine.running(T0.plusSeconds(30), 150, false);
        vm.refresh();

        assertThat(vm.live().api()).hasSize(1);
        LiveViewModel.ApiSample s = vm.live().api().getFirst();
        assertThat(s.requestsPerMinute()).isEqualTo(300.0);
        assertThat(s.orgLimit()).isEqualTo(300);
        assertThat(s.budgetPerMinute()).isEqualTo(291);
    }

    @Test
    void pauseAsksForAReasonAndTheProfileAndShowsTheNewState() {
        vm.start();
        dialogs.confirmWith("check wording", "ada", "pw");

        vm.live().pause();

        assertThat(dialogs.confirmRequests().getFirst().needsReason()).isTrue();
        assertThat(backend.actions).containsExactly("pause Outage broadcast: check wording");
        assertThat(vm.live().stateProperty().get()).isEqualTo(CampaignState.PAUSED);
        assertThat(vm.live().canResumeProperty().get()).isTrue();

        dialogs.confirmWith("wording ok", "ada", "pw");
        vm.live().resume();
        assertThat(dialogs.confirmRequests().getLast().profile()).as("the last profile is suggested")
                .isEqualTo("ada");
        assertThat(backend.actions).last().isEqualTo("resume Outage broadcast: wording ok");
        assertThat(vm.live().stateProperty().get()).isEqualTo(CampaignState.RUNNING);
    }

    @Test
    void aWrongPasswordIsShownAndNothingChanges() {
        vm.start();
        dialogs.confirmWith("legal hold", "ada", "nope");

        vm.live().stop();

        assertThat(backend.actions).isEmpty();
        assertThat(dialogs.errors()).singleElement().asString().contains("Unknown profile or wrong password");
        assertThat(vm.live().busyProperty().get()).isFalse();
        assertThat(vm.live().canStopProperty().get()).isTrue();
    }

    @Test
    void aCancelledConfirmationDoesNothing() {
        vm.start();
        vm.live().pause();
        assertThat(backend.actions).isEmpty();
        assertThat(vm.live().canPauseProperty().get()).isTrue();
    }

    @Test
    void aTrippedBreakerShowsItsReasonAndResumesOnlyAcknowledged() {
        vm.start();
        vm.selectedProperty().set(vm.campaigns().get(1));

        assertThat(vm.live().stateProperty().get()).isEqualTo(CampaignState.BREAKER);
        assertThat(vm.live().breakerProperty().get()).isEqualTo("429 storm: 30 in a minute");
        dialogs.confirmWith("Genesys had an outage; it is over", "ada", "pw");
        vm.live().resume();

        assertThat(dialogs.confirmRequests().getFirst().action()).isEqualTo("Acknowledge and resume");
        assertThat(backend.actions).containsExactly(
                "resume Overdue payments (acknowledged): Genesys had an outage; it is over");
        assertThat(vm.live().breakerProperty().get()).isNull();
    }

    @Test
    void aRefusedLaunchShowsEveryCheckAndWhichFailed() {
        backend.add(new CampaignBackend.Summary(view(3, "Storm warning", "life_safety", "draft", null), 0, 0, null));
        backend.launchReport = new CampaignService.LaunchReport(view(3, "Storm warning", "life_safety", "draft",
                null), List.of(new CampaignService.Check("state", true, "the campaign is DRAFT"),
                new CampaignService.Check("life-safety approval", false, "needs a second person's approval")),
                false, 0);
        vm.start();
        vm.selectedProperty().set(vm.campaigns().get(2));
        assertThat(vm.live().lifeSafetyProperty().get()).contains("waiting for a second person");
        assertThat(vm.live().canApproveProperty().get()).isTrue();
        dialogs.confirmWith(null, "ada", "pw");

        vm.live().launch();

        assertThat(dialogs.confirmRequests().getFirst().needsReason()).isFalse();
        CampaignService.LaunchReport r = vm.live().lastLaunchProperty().get();
        assertThat(r.launched()).isFalse();
        assertThat(r.checks()).filteredOn(c -> !c.passed()).extracting(CampaignService.Check::name)
                .containsExactly("life-safety approval");
    }

    @Test
    void theKillSwitchIsConfirmedWithAReasonAndShownDangerous() {
        vm.start();
        dialogs.confirmWith("carrier complaint", "ada", "pw");

        vm.toggleKillSwitch();

        assertThat(dialogs.confirmRequests().getFirst().danger()).isTrue();
        assertThat(backend.actions).containsExactly("kill switch on: carrier complaint");
    }

    @Test
    void aNewCampaignIsSelectedOnceCreated() {
        vm.start();
        NewCampaignViewModel form = vm.newCampaign();
        form.nameProperty().set("Storm warning");
        form.listProperty().set("Demo contacts");
        form.sequenceProperty().set(form.sequences().getFirst());
        form.purposeProperty().set(dev.switchboard.model.compliance.Purpose.SERVICE);
        form.smsFromProperty().set("+13177340100");
        form.profileProperty().set("ada");
        form.passwordProperty().set("pw");

        form.create();

        assertThat(vm.selectedProperty().get().name()).isEqualTo("Storm warning");
        assertThat(vm.live().stateProperty().get()).isEqualTo(CampaignState.DRAFT);
    }
}
