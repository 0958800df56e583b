package dev.switchboard.model.breaker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreakerPolicyTest {
    private final BreakerPolicy p = BreakerPolicy.defaults();

    @ParameterizedTest(name = "429={0} calls={1} errors={2} sends={3} optOuts={4} -> {5}")
    @CsvSource({
            "0,  0,  0,   0,  0, none",
            "29, 0,  0,   0,  0, none",
            "30, 0,  0,   0,  0, 429",
            "0,  19, 19,  0,  0, none",     // too few calls to judge
            "0,  20, 4,   0,  0, none",
            "0,  20, 5,   0,  0, error",    // 25 %
            "0,  400, 99, 0,  0, none",
            "0,  400, 100, 0, 0, error",
            "0,  0,  0,   99, 50, none",    // too few sends to judge
            "0,  0,  0,   100, 9, none",    // under the minimum count
            "0,  0,  0,   100, 10, opt-out",
            "0,  0,  0,   1000, 49, none",
            "0,  0,  0,   1000, 50, opt-out",
    })
    void tripsOnTheThresholds(int r429, int calls, int errors, int sends, int optOuts, String expected) {
        String got = p.trip(new BreakerPolicy.Counts(r429, calls, errors, sends, optOuts))
                .map(s -> s.startsWith("a 429") ? "429" : s.startsWith("an error") ? "error" : "opt-out")
                .orElse("none");
        assertEquals(expected, got);
    }

    @Test
    void moreTroubleNeverUntripsIt() {
        // monotone: adding 429s, errors or opt-outs to counts that trip keeps them tripping (seeded)
        Random rnd = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            BreakerPolicy.Counts c = new BreakerPolicy.Counts(rnd.nextInt(40), rnd.nextInt(100), 0, rnd.nextInt(300),
                    0);
            c = new BreakerPolicy.Counts(c.rateLimited(), c.calls(), rnd.nextInt(c.calls() + 1), c.sends(),
                    rnd.nextInt(c.sends() + 1));
            if (p.trip(c).isPresent()) {
                BreakerPolicy.Counts worse = new BreakerPolicy.Counts(c.rateLimited() + 1, c.calls(),
                        Math.min(c.calls(), c.errors() + 1), c.sends(), Math.min(c.sends(), c.optOuts() + 1));
                assertTrue(p.trip(worse).isPresent(), c + " tripped but " + worse + " did not");
            }
        }
    }
}
