package dev.switchboard.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.template.RenderProblem.Reason;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderCoverageTest {
    private static final Template SMS = Template.sms("t", "T", "Hi {{first_name}}, {{amount}} due {{due}}");

    @Test
    void countsFailingRowsPerVariableWithExamples() {
        List<Map<String, String>> rows = List.of(
                Map.of("key", "A1", "first_name", "Ana", "amount", "$1", "due", "Mon"),
                Map.of("key", "A2", "amount", "$2", "due", "Tue"),
                Map.of("key", "A3", "first_name", "", "due", "Wed"),
                Map.of("key", "A4", "first_name", "Bo", "amount", "$4", "due", "Thu"));
        RenderCoverage c = RenderCoverage.measure(SMS, rows, row -> row.get("key"), 5);
        assertThat(c.contacts()).isEqualTo(4);
        assertThat(c.failing()).isEqualTo(2);
        assertThat(c.rendering()).isEqualTo(2);
        assertThat(c.byVariable().keySet()).containsExactly("first_name", "amount");
        RenderCoverage.VariableFailures first = c.byVariable().get("first_name");
        assertThat(first.failing()).isEqualTo(2);
        assertThat(first.reasons()).containsEntry(Reason.MISSING, 1L).containsEntry(Reason.EMPTY, 1L);
        assertThat(first.examples()).containsExactly("A2", "A3");
        assertThat(c.byVariable().get("amount").examples()).containsExactly("A3");
    }

    @Test
    void streamsAMillionRowsKeepingFewExamples() {
        Iterable<Map<String, String>> rows = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 1_000_000;
            }

            @Override
            public Map<String, String> next() {
                i++;
                return i % 10 == 0 ? Map.of("first_name", "A", "amount", "1") : Map.of("first_name", "A",
                        "amount", "1", "due", "x");
            }
        };
        RenderCoverage c = RenderCoverage.measure(SMS, rows);
        assertThat(c.contacts()).isEqualTo(1_000_000);
        assertThat(c.failing()).isEqualTo(100_000);
        assertThat(c.byVariable().get("due").examples()).hasSize(RenderCoverage.DEFAULT_EXAMPLES)
                .first().isEqualTo("row 10");
    }

    @Test
    void anEmptyListHasFullCoverage() {
        RenderCoverage c = RenderCoverage.measure(SMS, List.of());
        assertThat(c.contacts()).isZero();
        assertThat(c.byVariable()).isEmpty();
    }
}
