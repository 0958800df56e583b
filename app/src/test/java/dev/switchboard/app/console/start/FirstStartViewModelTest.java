package dev.switchboard.app.console.start;

import dev.switchboard.app.console.common.TestTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FirstStartViewModelTest {

    /** A backend that records the steps it was asked for and can be cancelled between them. */
    static final class FakeFirstStart implements FirstStartBackend {
        boolean needs = true;
        final List<String> steps = new ArrayList<>();
        char[] password;
        String failWith;

        @Override
        public boolean needsFirstProfile() {
            return needs;
        }

        @Override
        public Result run(String name, char[] pw, boolean demo, Progress progress,
                          java.util.function.BooleanSupplier cancelled) throws Exception {
            password = pw;
            steps.add("admin " + name + " (" + pw.length + " chars)");
            progress.step(1, demo ? 3 : 1, "made " + name);
            if (failWith != null) {
                throw new Exception(failWith);
            }
            needs = false;
            if (!demo) {
                return new Result(name, 0, List.of(), false);
            }
            if (cancelled.getAsBoolean()) {
                return new Result(name, 0, List.of(), true);
            }
            steps.add("demo");
            progress.step(3, 3, "Done");
            return new Result(name, 12, List.of("Appointment reminders", "Outage broadcast", "Overdue payments"),
                    false);
        }
    }

    private final FakeFirstStart backend = new FakeFirstStart();
    private final FirstStartViewModel vm = new FirstStartViewModel(backend, TestTaskRunner.immediate());

    @Test
    void aStoreWithoutProfilesAsksForTheFirst() {
        vm.check();
        assertThat(vm.neededProperty().get()).isTrue();
        backend.needs = false;
        FirstStartViewModel other = new FirstStartViewModel(backend, TestTaskRunner.immediate());
        other.check();
        assertThat(other.neededProperty().get()).isFalse();
    }

    @Test
    void eachFieldSaysWhatIsWrong() {
        vm.nameProperty().set("a da");
        char[] pw = "short".toCharArray();
        char[] repeat = "short".toCharArray();
        assertThat(vm.start(pw, repeat)).isFalse();
        assertThat(vm.nameErrorProperty().get()).startsWith("Name:");
        assertThat(vm.passwordErrorProperty().get()).startsWith("Password: at least 8");
        assertThat(vm.repeatErrorProperty().get()).isNull();
        assertThat(pw).containsOnly('\0');
        assertThat(repeat).containsOnly('\0');

        vm.nameProperty().set("ada");
        assertThat(vm.nameErrorProperty().get()).isNull();
        assertThat(vm.start("long-enough-1".toCharArray(), "long-enough-2".toCharArray())).isFalse();
        assertThat(vm.repeatErrorProperty().get()).startsWith("Repeat:");
        assertThat(backend.steps).isEmpty();
    }

    @Test
    void makesTheAdminLoadsTheDemoAndHandsOverTheResult() {
        List<FirstStartBackend.Result> done = new ArrayList<>();
        vm.setOnDone(done::add);
        vm.check();
        vm.nameProperty().set(" ada ");
        assertThat(vm.start("admin-pass-1".toCharArray(), "admin-pass-1".toCharArray())).isTrue();
        assertThat(backend.steps).containsExactly("admin ada (12 chars)", "demo");
        assertThat(backend.password).containsOnly('\0');
        assertThat(done).singleElement().satisfies(r -> assertThat(r.campaigns()).hasSize(3));
        assertThat(vm.neededProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(FirstStartViewModel.hint(done.getFirst())).contains("3 demo campaigns").contains("Launch")
                .contains("12 demo contacts");
    }

    @Test
    void withoutTheDemoOnlyTheProfileIsMade() {
        vm.loadDemoProperty().set(false);
        vm.nameProperty().set("ada");
        vm.start("admin-pass-1".toCharArray(), "admin-pass-1".toCharArray());
        assertThat(backend.steps).containsExactly("admin ada (12 chars)");
        assertThat(FirstStartViewModel.hint(vm.resultProperty().get())).contains("Import a list");
    }

    @Test
    void aFailureIsShownAndStartCanBePressedAgain() {
        backend.failWith = "A profile named 'ada' exists already.";
        vm.nameProperty().set("ada");
        vm.start("admin-pass-1".toCharArray(), "admin-pass-1".toCharArray());
        assertThat(vm.errorProperty().get()).contains("exists already").contains("press Start again");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        backend.failWith = null;
        vm.start("admin-pass-1".toCharArray(), "admin-pass-1".toCharArray());
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.resultProperty().get()).isNotNull();
    }

    @Test
    void cancelStopsBetweenSteps() {
        TestTaskRunner queued = TestTaskRunner.queued();
        FirstStartViewModel q = new FirstStartViewModel(backend, queued);
        q.nameProperty().set("ada");
        q.start("admin-pass-1".toCharArray(), "admin-pass-1".toCharArray());
        assertThat(q.runningProperty().get()).isTrue();
        q.cancel();
        queued.runAll();
        assertThat(backend.steps).containsExactly("admin ada (12 chars)");
        assertThat(q.resultProperty().get().cancelled()).isTrue();
    }
}
