package dev.switchboard.engine.campaigns;

import dev.switchboard.sandbox.LedgerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceDialerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void on() {
        System.setProperty("switchboard.voice.dialer", "true");
    }

    @AfterEach
    void off() {
        System.clearProperty("switchboard.voice.dialer");
    }

    @Test
    void debug() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 3_600)) {
            f.startEngine();
            f.engine.addListener(e -> System.out.println("EVT " + e));
            CampaignService.LaunchReport r = f.createAndLaunch("appointment-reminders");
            assertThat(r.launched()).isTrue();
            Thread.sleep(20_000);
            List<LedgerEntry> ledger = f.sandbox.ledger();
            ledger.forEach(l -> System.out.println("LEDGER " + l));
            System.out.println(f.workspace.campaigns().stats("Appointment reminders", f.clock.instant()));
        }
    }
}
