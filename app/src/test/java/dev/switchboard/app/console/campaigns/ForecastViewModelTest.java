package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.TestTaskRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast: progress, the report as days and rules, and Cancel. */
class ForecastViewModelTest {
    private final FakeCampaignBackend backend = new FakeCampaignBackend();

    @Test
    void theReportBecomesSendsPerDayPerChannelAndRulesByCount() {
        ForecastViewModel vm = new ForecastViewModel(backend, TestTaskRunner.immediate(), new FakeDialogService());
        vm.show("Outage broadcast");

        vm.run();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.days()).extracting(ForecastViewModel.DaySends::day)
                .containsExactly("Tue 12-08", "Wed 12-09", "Thu 12-10");
        assertThat(vm.days().getFirst().perChannel()).containsEntry("sms", 65).containsEntry("email", 10);
        assertThat(vm.rules()).extracting(ForecastViewModel.RuleRow::rule)
                .containsExactly("window.default.SMS", "throughput.number", "consent", "suppression");
        assertThat(vm.facts()).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("Finish");
            assertThat(f.value()).startsWith("Thu 2026-12-10 18:00 UTC");
        });
        assertThat(vm.facts()).anySatisfy(f -> assertThat(f.value()).startsWith("48 requests in a minute"));
    }

    @Test
    void progressShowsWhileItRunsAndCancelStopsIt() {
        TestTaskRunner tasks = TestTaskRunner.queued();
        ForecastViewModel vm = new ForecastViewModel(backend, tasks, new FakeDialogService());
        vm.show("Outage broadcast");

        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo(-1.0);

        vm.cancel();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Forecast cancelled.");
        tasks.runAll();
        assertThat(vm.reportProperty().get()).as("a cancelled run's report is dropped").isNull();
    }

    @Test
    void progressIsReportedFromTheWorker() {
        TestTaskRunner tasks = TestTaskRunner.queued();
        ForecastViewModel vm = new ForecastViewModel(backend, tasks, new FakeDialogService());
        vm.show("Outage broadcast");
        vm.run();
        // the fake reports 6 of 12 before it returns; the progress reaches the UI through the coalescing updater
        tasks.runNext();
        assertThat(vm.progressTextProperty().get()).isEqualTo("6 of 12 contacts simulated");
    }
}
