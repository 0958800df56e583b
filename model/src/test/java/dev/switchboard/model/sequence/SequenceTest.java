package dev.switchboard.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTest {
    private final Sequence draft = Sequence.draft("s", "Reminder", List.of(new Step.Exit("end", "done")));

    @Test
    void editingADraftKeepsItsVersion() {
        Sequence edited = draft.withName("Reminder 2");
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.published()).isFalse();
    }

    @Test
    void editingAPublishedVersionMakesTheNextDraftAndLeavesItAlone() {
        Sequence published = draft.publish();
        Sequence edited = published.withSteps(List.of(new Step.Exit("stop", "stopped")));
        assertThat(published.published()).isTrue();
        assertThat(published.steps()).extracting(Step::id).containsExactly("end");
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.published()).isFalse();
        assertThat(edited.steps()).extracting(Step::id).containsExactly("stop");
        assertThat(published.withPreferredChannelFirst(true).version()).isEqualTo(2);
    }

    @Test
    void publishingTwiceChangesNothing() {
        Sequence once = draft.publish();
        assertThat(once.publish()).isSameAs(once);
    }
}
