package dev.switchboard.app.bench;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives the running console as a user would, through its controls (found by id in any showing window), from a
 * thread other than the FX thread.
 */
final class FxDriver {
    /**
     * Nodes found by id, kept while they stay in a showing window under that id: a {@code Scene.lookup} walks every
     * node of every window, and the driver asks several times a second; its walks are the benchmark's own work, not
     * the console's, and were a good part of the FX thread's time in the stall figures. FX thread only.
     */
    private static final Map<String, WeakReference<Node>> FOUND = new HashMap<>();

    private FxDriver() {
    }

    /** Runs {@code work} on the FX thread and waits (up to 30 s) for its result. */
    static <T> T call(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("an FX call failed: " + e, e);
        }
    }

    /** Posts {@code action} to the FX thread without waiting (an action that opens a modal dialog blocks there). */
    static void post(Runnable action) {
        Platform.runLater(action);
    }

    /** On the FX thread: the node with {@code id} in a showing window, if any. */
    static Optional<Node> find(String id) {
        WeakReference<Node> known = FOUND.get(id);
        Node cached = known == null ? null : known.get();
        if (cached != null && id.equals(cached.getId()) && cached.getScene() != null
                && cached.getScene().getWindow() != null && cached.getScene().getWindow().isShowing()) {
            return Optional.of(cached);
        }
        FOUND.remove(id);
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                Node n = w.getScene().lookup("#" + id);
                if (n != null) {
                    FOUND.put(id, new WeakReference<>(n));
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    /** On the FX thread: whether the node with {@code id} shows (it and its parents visible, in a showing window). */
    static boolean visible(String id) {
        Optional<Node> node = find(id);
        if (node.isEmpty()) {
            return false;
        }
        for (Node n = node.get(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static boolean isVisible(String id) {
        return call(() -> visible(id));
    }

    static String text(String id) {
        return call(() -> find(id).map(n -> n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").orElse(""));
    }

    static void setText(String id, String text) {
        call(() -> {
            ((TextInputControl) find(id).orElseThrow(() -> new IllegalStateException("no #" + id))).setText(text);
            return null;
        });
    }

    /** Fires the button {@code id} (without waiting: it may open a modal dialog). */
    static void fire(String id) {
        boolean enabled = call(() -> find(id).map(n -> !n.isDisabled()).orElseThrow(
                () -> new IllegalStateException("no #" + id)));
        if (!enabled) {
            throw new IllegalStateException("#" + id + " is disabled");
        }
        post(() -> find(id).ifPresent(n -> ((ButtonBase) n).fire()));
    }

    /** Polls {@code condition} (off the FX thread) every 50 ms until it holds; fails after {@code seconds}. */
    static void waitUntil(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
