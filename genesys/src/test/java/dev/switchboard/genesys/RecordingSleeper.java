package dev.switchboard.genesys;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records requested sleeps and moves a manual clock instead of sleeping. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ManualClock clock;

    RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
    }
}
