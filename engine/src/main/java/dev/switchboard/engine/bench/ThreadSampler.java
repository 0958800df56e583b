package dev.switchboard.engine.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    private final Map<Long, String> names = new java.util.HashMap<>();
    private final Map<Long, Long> cpuAtStart = new java.util.HashMap<>();
    private final Map<Long, Long> cpuAtEnd = new java.util.HashMap<>();
    private long processCpuStart;
    private long processCpuEnd;
    private long wallStart;
    private long wallEnd;

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** CPU time of every live thread, by id (names kept for the report). */
    private void cpu(Map<Long, Long> into) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = mx.getThreadCpuTime(t.threadId());
            if (ns >= 0) {
                into.put(t.threadId(), ns);
                names.put(t.threadId(), t.getName());
            }
        }
    }

    void start() {
        wallStart = System.nanoTime();
        processCpuStart = processCpu();
        cpu(cpuAtStart);
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
        cpu(cpuAtEnd);
        processCpuEnd = processCpu();
        wallEnd = System.nanoTime();
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
                for (StackTraceElement g : stack) {
                    if (g.getClassName().endsWith("campaigns.Engine")) {
                        return "waiting for the batch's workers at " + g.getMethodName() + ":" + g.getLineNumber();
                    }
                }
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
        double wall = (wallEnd - wallStart) / 1e9;
        out.printf("cpu: process %.1f s over %.1f s wall on %d cores (%.0f%% of the machine)%n",
                (processCpuEnd - processCpuStart) / 1e9, wall, Runtime.getRuntime().availableProcessors(),
                100.0 * (processCpuEnd - processCpuStart) / 1e9 / wall / Runtime.getRuntime().availableProcessors());
        Map<String, Long> byGroup = new TreeMap<>();
        cpuAtEnd.forEach((id, ns) -> byGroup.merge(names.get(id).replaceAll("[-#]?\\d+", "-N"),
                ns - cpuAtStart.getOrDefault(id, 0L), Long::sum));
        out.println("cpu by thread (threads alive at the end of the run):");
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> out.printf("  %6.2f s  %s%n", e.getValue() / 1e9, e.getKey()));
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
