package dev.switchboard.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures how long the FX application thread is unavailable: a watchdog posts a {@link Platform#runLater} probe
 * every {@link #PROBE_EVERY_MS} ms (one at a time) and records how long each took to run, and an
 * {@link AnimationTimer} records the gap between consecutive pulses (frames). While a probe waits longer than
 * {@link #SAMPLE_AFTER_MS} ms, the FX thread's stack is sampled every few milliseconds, so that a stall names its
 * cause. Beside the waits, which grow with whatever else the machine runs, it counts what depends on the console
 * alone: the processor time of the FX thread and of the renderer's thread, and the collector's stop-the-world pauses
 * (every thread, the FX thread too, stands still through them).
 */
public final class FxStallMonitor {
    public static final int PROBE_EVERY_MS = 5;
    public static final long STALL_MS = 50;
    static final long SAMPLE_AFTER_MS = 20;

    /** Figures of one series of latencies or gaps, in milliseconds. */
    public record Stats(int samples, double max, double p50, double p99, double p999, int over50) {
        static Stats of(long[] nanos, int n) {
            if (n == 0) {
                return new Stats(0, 0, 0, 0, 0, 0);
            }
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            int over = 0;
            for (long v : s) {
                if (v > STALL_MS * 1_000_000) {
                    over++;
                }
            }
            return new Stats(n, s[n - 1] / 1e6, at(s, 0.50), at(s, 0.99), at(s, 0.999), over);
        }

        private static double at(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    /**
     * The probes' latencies, the frame gaps, and the stack tops most often seen while a probe waited; the stretch's
     * length, the FX and render threads' processor time in it, and the collector's pauses (count, longest, total).
     */
    public record Result(Stats probes, Stats frames, List<Map.Entry<String, Integer>> stallFrames, double seconds,
                         double fxCpuMs, double renderCpuMs, int gcPauses, double gcLongestMs, double gcTotalMs) {
    }

    private final Series probes = new Series();
    private final Series frames = new Series();
    private final Map<String, Integer> stallStacks = new HashMap<>();
    private final AtomicReference<Thread> fxThread = new AtomicReference<>();
    private volatile boolean running;
    private volatile boolean recording;
    private Thread watchdog;
    private AnimationTimer timer;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long stretchStart;
    private long fxCpuStart;
    private long renderCpuStart;
    private int gcPauses;
    private double gcLongestMs;
    private double gcTotalMs;
    private final NotificationListener gcListener = (n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            // G1's young and mixed collections, its remarks and full collections stop every thread; so do ZGC's
            // and Shenandoah's pauses (their "Cycles" run beside the application and are left out)
            if (recording && !info.getGcName().contains("Cycles")) {
                synchronized (this) {
                    double ms = info.getGcInfo().getDuration();
                    gcPauses++;
                    gcTotalMs += ms;
                    gcLongestMs = Math.max(gcLongestMs, ms);
                }
            }
        }
    };

    /** Starts the pulse timer and the watchdog; nothing is recorded until {@link #record(boolean)}. */
    public void start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxThread.set(Thread.currentThread());
            timer = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && recording) {
                        frames.add(now - last);
                    }
                    last = now;
                }
            };
            timer.start();
            started.countDown();
        });
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer within 30 s");
        }
        running = true;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
        newStretch();
        watchdog = Thread.ofPlatform().daemon().name("fx-stall-watchdog").start(this::watch);
    }

    /** Starts the stretch's clocks: now, the two threads' processor time, no pauses yet. */
    private synchronized void newStretch() {
        stretchStart = System.nanoTime();
        fxCpuStart = cpu(fxThread.get());
        renderCpuStart = cpu(renderThread());
        gcPauses = 0;
        gcLongestMs = 0;
        gcTotalMs = 0;
    }

    private synchronized Result result() {
        return new Result(probes.stats(), frames.stats(), topStacks(), (System.nanoTime() - stretchStart) / 1e9,
                (cpu(fxThread.get()) - fxCpuStart) / 1e6, (cpu(renderThread()) - renderCpuStart) / 1e6, gcPauses,
                gcLongestMs, gcTotalMs);
    }

    private long cpu(Thread t) {
        long ns = t == null ? -1 : threads.getThreadCpuTime(t.threadId());
        return Math.max(0, ns);
    }

    /** Prism's render thread ("QuantumRenderer-0"), which paints every frame the FX thread lays out. */
    private static Thread renderThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
    }

    /** Starts or pauses recording (the figures cover only the recorded stretch). */
    public void record(boolean on) {
        if (on && !recording) {
            newStretch();
        }
        recording = on;
    }

    /**
     * The figures of the stretch recorded so far, and a new stretch from now (recording goes on): one run measures
     * its phases apart.
     */
    public Result cut() {
        Result r = result();
        newStretch();
        probes.clear();
        frames.clear();
        synchronized (stallStacks) {
            stallStacks.clear();
        }
        return r;
    }

    public Result stop() throws InterruptedException {
        recording = false;
        running = false;
        watchdog.join();
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer.stop();
            stopped.countDown();
        });
        stopped.await(10, TimeUnit.SECONDS);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // not added
                }
            }
        }
        return result();
    }

    private List<Map.Entry<String, Integer>> topStacks() {
        synchronized (stallStacks) {
            return stallStacks.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }
    }

    private void watch() {
        long next = System.nanoTime();
        while (running) {
            CountDownLatch ran = new CountDownLatch(1);
            long posted = System.nanoTime();
            long[] at = new long[1];
            Platform.runLater(() -> {
                at[0] = System.nanoTime();
                ran.countDown();
            });
            try {
                boolean sampled = false;
                while (!ran.await(sampled ? 3 : SAMPLE_AFTER_MS, TimeUnit.MILLISECONDS)) {
                    sampled = true;
                    if (recording) {
                        sample();
                    }
                    if (!running && System.nanoTime() - posted > TimeUnit.SECONDS.toNanos(10)) {
                        return;
                    }
                }
                if (recording) {
                    probes.add(at[0] - posted);
                }
                next += TimeUnit.MILLISECONDS.toNanos(PROBE_EVERY_MS);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else {
                    next = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The FX thread's innermost frames of the console's own code (or the top frame), counted. */
    private void sample() {
        Thread fx = fxThread.get();
        if (fx == null) {
            return;
        }
        StackTraceElement[] stack = fx.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        StringBuilder top = new StringBuilder();
        int from = 0;
        while (from < stack.length - 1 && (stack[from].getClassName().startsWith("jdk.internal.misc.")
                || stack[from].getClassName().startsWith("java.util.concurrent."))) {
            from++;
        }
        for (int i = from; i < Math.min(from + 5, stack.length); i++) {
            top.append(i == from ? (from > 0 ? "(waits) " : "") : " < ").append(stack[i].getClassName().replaceAll(".*\\.", ""))
                    .append('.').append(stack[i].getMethodName());
        }
        String own = null;
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("dev.switchboard.") && !e.getClassName().startsWith(
                    FxStallMonitor.class.getName())) {
                own = e.getClassName().replace("dev.switchboard.app.console.", "") + "." + e.getMethodName() + ":"
                        + e.getLineNumber();
                break;
            }
        }
        String key = own == null ? top.toString() : own + " <- " + top;
        synchronized (stallStacks) {
            stallStacks.merge(key, 1, Integer::sum);
        }
    }

    /** A growing series of nanosecond values; written by one thread at a time, read after recording stops. */
    private static final class Series {
        private long[] values = new long[1 << 14];
        private int n;

        synchronized void add(long v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        synchronized Stats stats() {
            return Stats.of(values, n);
        }

        synchronized void clear() {
            n = 0;
        }
    }
}
