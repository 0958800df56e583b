package dev.switchboard.model.sequence;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link Sequence}. Constructors only refuse nulls: everything else (attempts, waits, edges) is checked
 * by {@link SequenceValidator}, so a bad file loads and gets a readable list of problems.
 */
public sealed interface Step {
    String id();

    List<Edge> edges();

    /** "touch", "wait", "branch", "exit". */
    String kind();

    /** Reach the person once per attempt, up to {@code maxAttempts}, {@code retrySpacing} apart. */
    record Touch(String id, Channel channel, String templateId, int maxAttempts, Duration retrySpacing,
            Optional<StepWindow> window, List<Edge> edges) implements Step {
        public Touch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(templateId, "templateId");
            Objects.requireNonNull(retrySpacing, "retrySpacing");
            Objects.requireNonNull(window, "window");
            edges = List.copyOf(edges);
        }

        @Override
        public String kind() {
            return "touch";
        }
    }

    /** Wait a duration, or until the next occurrence of a local time in the contact's zone; then the ELSE edge. */
    record Wait(String id, Optional<Duration> duration, Optional<LocalTime> untilLocalTime, List<Edge> edges)
            implements Step {
        public Wait {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(untilLocalTime, "untilLocalTime");
            edges = List.copyOf(edges);
        }

        public static Wait of(String id, Duration duration, String next) {
            return new Wait(id, Optional.of(duration), Optional.empty(), List.of(Edge.otherwise(next)));
        }

        public static Wait until(String id, LocalTime time, String next) {
            return new Wait(id, Optional.empty(), Optional.of(time), List.of(Edge.otherwise(next)));
        }

        @Override
        public String kind() {
            return "wait";
        }
    }

    /** Choose an edge at once; see {@link BranchOn} for what {@code condition} means. */
    record Branch(String id, BranchOn on, String condition, List<Edge> edges) implements Step {
        public Branch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(condition, "condition");
            edges = List.copyOf(edges);
        }

        @Override
        public String kind() {
            return "branch";
        }
    }

    /** The end of the enrollment, with a reason a supervisor reads ("converted", "opted out", "exhausted"). */
    record Exit(String id, String reason) implements Step {
        public Exit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<Edge> edges() {
            return List.of();
        }

        @Override
        public String kind() {
            return "exit";
        }
    }
}
