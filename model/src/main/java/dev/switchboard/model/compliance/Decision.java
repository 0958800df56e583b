package dev.switchboard.model.compliance;

import java.time.Instant;
import java.util.Objects;

/** The gate's answer, always with the trace of every rule evaluated. */
public sealed interface Decision {
    Trace trace();

    default String packVersion() {
        return trace().packVersion();
    }

    record Allowed(Trace trace) implements Decision {
        public Allowed {
            Objects.requireNonNull(trace, "trace");
        }
    }

    /** Not now; {@code until} is the next instant at which every rule evaluated allows it. */
    record Deferred(Instant until, String rule, Trace trace) implements Decision {
        public Deferred {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(trace, "trace");
        }
    }

    record Blocked(String rule, Trace trace) implements Decision {
        public Blocked {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(trace, "trace");
        }
    }
}
