package dev.switchboard.app.bench;

import dev.switchboard.app.cli.SwitchboardCommand;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child of {@link StartupBenchmark}: opens the console exactly as {@code switchboard [--data-dir DIR]} does and
 * prints, in milliseconds since the process started, when {@code main} ran, when the window's first pulse laid out
 * its first frame, and when the screens were up (the store open and the Lists screen built); then closes the
 * console the normal way (its {@code stop()} closes the store) and exits.
 */
public final class StartupProbe {
    static final String MAIN = "startup.main_ms=";
    static final String FIRST_FRAME = "startup.first_frame_ms=";
    static final String SCREENS = "startup.screens_ms=";
    static final String EXITED = "startup.closed_ms=";

    private StartupProbe() {
    }

    public static void main(String[] args) {
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        report(MAIN, started);
        Thread.ofPlatform().daemon().name("startup-probe-timeout").start(() -> {
            try {
                Thread.sleep(180_000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("startup.timeout");
            Runtime.getRuntime().halt(3);
        });
        AtomicBoolean framed = new AtomicBoolean();
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    Scene scene = w.getScene();
                    if (scene == null || framed.get()) {
                        continue;
                    }
                    Runnable[] first = new Runnable[1];
                    first[0] = () -> {
                        if (framed.compareAndSet(false, true)) {
                            report(FIRST_FRAME, started);
                            scene.removePostLayoutPulseListener(first[0]);
                            watchForScreens(scene, started);
                        }
                    };
                    scene.addPostLayoutPulseListener(first[0]);
                }
            }
        });
        int code = SwitchboardCommand.execute(args);
        report(EXITED, started);
        System.exit(code);
    }

    /** Polls (on the FX thread, every 10 ms) until the Lists screen is in the window, then closes the console. */
    private static void watchForScreens(Scene scene, Instant started) {
        if (scene.lookup("#listsScreen") != null || scene.lookup("#storeErrorPane") != null) {
            if (scene.lookup("#storeErrorPane") != null) {
                System.out.println("startup.store_failed");
            }
            report(SCREENS, started);
            Platform.exit();
            return;
        }
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            Platform.runLater(() -> watchForScreens(scene, started));
        });
    }

    private static void report(String key, Instant started) {
        System.out.println(key + Duration.between(started, Instant.now()).toMillis());
        System.out.flush();
    }
}
