package dev.switchboard.app.console.timeline;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.app.console.timeline.TimelineViewModel.Entry;
import dev.switchboard.app.console.timeline.TimelineViewModel.Lane;
import dev.switchboard.app.console.timeline.TimelineViewModel.Mark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineViewModelTest {
    private final FakeTimelines source = new FakeTimelines();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final TimelineViewModel vm = new TimelineViewModel(source, TestTaskRunner.immediate(), dialogs);

    @TempDir
    Path dir;

    @Test
    void entriesGoToTheLaneOfTheirChannelWithAMarkForWhatHappened() {
        vm.load("Demo contacts", "C-1004");

        assertThat(vm.titleProperty().get()).isEqualTo("Diego Ramos");
        assertThat(vm.subtitleProperty().get()).isEqualTo("C-1004 · Demo contacts · America/New_York (from"
                + " postal_code)");
        assertThat(vm.entries()).extracting(Entry::lane, Entry::mark).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Lane.VOICE, Mark.FAILED),
                org.assertj.core.groups.Tuple.tuple(Lane.VOICE, Mark.FAILED),
                org.assertj.core.groups.Tuple.tuple(Lane.VOICE, Mark.DEFERRED),
                org.assertj.core.groups.Tuple.tuple(Lane.SMS, Mark.DELIVERED),
                org.assertj.core.groups.Tuple.tuple(Lane.OTHER, Mark.INBOUND),
                org.assertj.core.groups.Tuple.tuple(Lane.EMAIL, Mark.BLOCKED),
                org.assertj.core.groups.Tuple.tuple(Lane.SMS, Mark.DEFERRED),
                org.assertj.core.groups.Tuple.tuple(Lane.SMS, Mark.PLANNED),
                org.assertj.core.groups.Tuple.tuple(Lane.EMAIL, Mark.PLANNED),
                org.assertj.core.groups.Tuple.tuple(Lane.OTHER, Mark.PLANNED));
        Entry blocked = vm.entries().get(5);
        assertThat(blocked.title()).isEqualTo("blocked · consent.email");
        assertThat(blocked.detail()).isEqualTo("Appointment reminders · step email — no email consent on record"
                + " (consent_email: no)");
        assertThat(blocked.local()).isEqualTo("2026-12-08 13:10:00 EST");
        assertThat(vm.entries().get(0).title()).isEqualTo("voice · no_answer");
        assertThat(vm.entries().stream().filter(Entry::planned)).hasSize(3);
        assertThat(vm.zoneProperty().get()).hasToString("America/New_York");
        assertThat(vm.nowProperty().get()).isEqualTo(FakeTimelines.NOW);
    }

    @Test
    void whyNotNowAndWhenNextComeFromTheFirstPlannedTouchAndTheGate() {
        vm.load("Demo contacts", "C-1004");

        assertThat(vm.nextProperty().get()).isEqualTo("Next: sms (step sms) of Appointment reminders, 2026-12-09"
                + " 08:00:00 EST · ready · held by window.local");
        assertThat(vm.whyNotProperty().get()).startsWith("Deferred by window.local until 2026-12-09 08:00 EST");
        assertThat(vm.rules()).extracting(r -> r.rule() + "=" + r.verdict())
                .containsExactly("suppression.address=pass", "consent.sms=pass", "window.local=defer");
    }

    @Test
    void aContactThatCannotBeReadSaysWhyAndShowsNothingOld() {
        source.fail = true;
        vm.load("Demo contacts", "C-9999");

        assertThat(vm.messageProperty().get()).isEqualTo("No contact C-9999 in list \"Demo contacts\".");
        assertThat(vm.entries()).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void evidenceIsWrittenWhereTheUserChose() throws Exception {
        vm.load("Demo contacts", "C-1004");
        Path file = dir.resolve("c-1004.csv");
        dialogs.answer(file);

        vm.exportEvidence();

        assertThat(dialogs.asked()).containsExactly("Export evidence: C-1004-evidence.csv");
        assertThat(Files.readString(file)).startsWith("campaign,contact_key,attempt_id\n")
                .contains("Appointment reminders,C-1004,2");
        assertThat(vm.messageProperty().get()).isEqualTo("Evidence written to " + file + " (2 attempts).");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aCancelledChooserWritesNothing() {
        vm.load("Demo contacts", "C-1004");
        vm.exportEvidence();
        assertThat(source.evidenceAsked).isEmpty();
    }
}
