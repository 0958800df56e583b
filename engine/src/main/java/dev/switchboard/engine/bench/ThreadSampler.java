package dev.switchboard.engine.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * A poor man's profiler for the engine benchmark: every few milliseconds, takes the stacks of the engine's threads
 * and counts what each one is doing (the innermost recognizable frame). Perturbs the run a little; opt-in.
 */
final class ThreadSampler {
    private final long intervalMillis;
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private volatile boolean running = true;
    private Thread thread;

    ThreadSampler(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("bench-sampler").start(() -> {
            while (running) {
                for (var e : Thread.getAllStackTraces().entrySet()) {
                    String name = e.getKey().getName();
                    String group = name.startsWith("engine-worker-") ? "workers" : name.equals("engine-poll")
                            ? "poll thread" : null;
                    if (group != null) {
                        synchronized (counts) {
                            counts.computeIfAbsent(group, g -> new TreeMap<>()).merge(classify(e.getValue()), 1,
                                    Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** What a stack is doing, from the innermost frame outwards. */
    static String classify(StackTraceElement[] stack) {
        String repo = null;
        for (StackTraceElement f : stack) {
            if (f.getClassName().endsWith("persistence.EngineRepository")) {
                repo = f.getMethodName();
                break;
            }
        }
        String where = repo == null ? "" : " [EngineRepository." + repo + "]";
        boolean forcing = stack.length > 0 && stack[0].getMethodName().startsWith("force");
        for (StackTraceElement f : stack) {
            if (f.getClassName().endsWith("SendJournal")) {
                return "send journal." + f.getMethodName() + (forcing ? " (fsync)" : "");
            }
        }
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            String m = f.getMethodName();
            if (m.equals("force") || m.equals("force0")) {
                return "fsync" + where;
            }
            if (c.startsWith("org.h2.mvstore")) {
                return "H2 MVStore (store/commit)" + where;
            }
            if (c.startsWith("org.h2")) {
                return "H2 SQL" + where;
            }
            if (c.startsWith("org.jooq")) {
                return "jOOQ" + where;
            }
            if (c.endsWith("genesys.Pacer")) {
                return "pacer wait";
            }
            if (c.startsWith("okhttp3") || c.startsWith("okio") || c.startsWith("java.net")
                    || c.startsWith("sun.nio.ch") || c.startsWith("sun.security")) {
                return "HTTP (okhttp, socket)";
            }
            if (c.startsWith("tools.jackson") || c.startsWith("com.fasterxml")) {
                return "JSON";
            }
            if (c.contains(".rules.") || c.contains(".compliance.")) {
                return "compliance gate";
            }
            if (c.endsWith("ThreadPoolExecutor") && m.equals("getTask")) {
                return "idle (no work)";
            }
            if (c.endsWith("FutureTask") && m.equals("get")) {
                return "waiting for the batch's workers";
            }
            if (c.endsWith("campaigns.Engine") && m.equals("await")) {
                return "idle (poll interval)";
            }
        }
        StackTraceElement top = stack.length == 0 ? null : stack[0];
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("dev.switchboard")) {
                top = f;
                break;
            }
        }
        return "other: " + (top == null ? "?" : top.getClassName().replaceAll(".*\\.", "") + "." + top.getMethodName());
    }

    void print(PrintStream out) {
        synchronized (counts) {
            for (var g : counts.entrySet()) {
                int total = g.getValue().values().stream().mapToInt(Integer::intValue).sum();
                out.printf("profile (%s, %,d thread samples every %d ms):%n", g.getKey(), total, intervalMillis);
                g.getValue().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(14).forEach(e -> out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total,
                                e.getKey()));
            }
        }
    }
}
