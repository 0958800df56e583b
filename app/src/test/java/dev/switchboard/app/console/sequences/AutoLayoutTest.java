package dev.switchboard.app.console.sequences;

import dev.switchboard.engine.sequences.DemoSequences;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The automatic layout of the shipped sequences: left to right, no card over another. */
class AutoLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"multichannel-default", "overdue-payment-reminder", "outage-broadcast"})
    void shippedSequencesAreLaidOutLeftToRightWithoutOverlaps(String id) {
        Sequence s = DemoSequences.load(id);
        Map<String, Point> at = AutoLayout.of(s);
        assertThat(at.keySet()).containsExactlyInAnyOrderElementsOf(s.steps().stream().map(Step::id).toList());
        List<Step> steps = s.steps();
        for (Step a : steps) {
            for (Step b : steps) {
                if (a != b) {
                    Point p = at.get(a.id());
                    Point q = at.get(b.id());
                    boolean apart = p.x() + Cards.WIDTH <= q.x() || q.x() + Cards.WIDTH <= p.x()
                            || p.y() + Cards.height(a) <= q.y() || q.y() + Cards.height(b) <= p.y();
                    assertThat(apart).as("%s and %s overlap", a.id(), b.id()).isTrue();
                }
            }
        }
        // the entry is in the first column, and every forward edge goes right
        Point entry = at.get(steps.getFirst().id());
        assertThat(at.values()).allSatisfy(p -> assertThat(p.x()).isGreaterThanOrEqualTo(entry.x()));
        assertThat(Graph.of(s, Map.of()).positions()).isEqualTo(at);
    }
}
