package dev.switchboard.app.console.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the console's background work (imports, the engine it hosts, the sandbox, the store's writer) below the FX
 * thread and the renderer, so that a long import on a two-core machine cannot starve the screen: the operating system
 * gives the UI threads the larger share of the processors whenever both want them, and the background work all the
 * processor time the UI leaves.
 *
 * <p>On Linux each thread has its own nice value, which a thread may raise (lower its priority) without privileges and
 * which threads it starts inherit: {@link #lowerCurrentThread()} calls {@code setpriority(PRIO_PROCESS, gettid(),
 * nice)} through the foreign-function API. Java's own thread priorities are ignored there unless the JVM runs with
 * {@code -XX:ThreadPriorityPolicy=1}, which warns on every start for users who are not root. Elsewhere (Windows,
 * macOS, where the JVM maps them to the system's priorities) the thread gets {@link Thread#MIN_PRIORITY}.
 * {@code -Dswitchboard.background.nice=0} turns it off (the benchmark's comparison).
 */
public final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** How much nicer background threads run than the thread that lowers itself (10 is {@code nice}'s default). */
    public static final int NICE = Math.clamp(Integer.getInteger("switchboard.background.nice", 10), 0, 19);
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Native> NATIVE = NICE == 0 ? Optional.empty() : Native.load();

    private BackgroundPriority() {
    }

    /** The two libc calls, on Linux with native access allowed. */
    private record Native(MethodHandle setpriority, MethodHandle getpriority, MethodHandle gettid) {
        static Optional<Native> load() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                MethodHandle set = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT));
                MethodHandle get = linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                MethodHandle tid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT));
                return Optional.of(new Native(set, get, tid));
            } catch (RuntimeException | LinkageError e) {
                // an old libc without gettid(), or native access denied: Java priorities instead
                LOG.info("Background threads run at Java's minimum priority ({})", e.toString());
                return Optional.empty();
            }
        }
    }

    /**
     * Lowers the calling thread's priority; threads it starts afterwards inherit it on Linux. Returns whether the
     * operating system's priority changed (false where only Java's priority could be set, or when turned off).
     */
    public static boolean lowerCurrentThread() {
        if (NICE == 0) {
            return false;
        }
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (NATIVE.isEmpty() || Thread.currentThread().isVirtual()) {
            return false;
        }
        try {
            int tid = (int) NATIVE.get().gettid().invokeExact();
            // relative to the thread's own (a console started with nice 5 keeps its background at 15); getpriority
            // cannot fail for the calling thread itself
            int current = (int) NATIVE.get().getpriority().invokeExact(PRIO_PROCESS, tid);
            int rc = (int) NATIVE.get().setpriority().invokeExact(PRIO_PROCESS, tid, Math.min(19, current + NICE));
            return rc == 0;
        } catch (Throwable e) {
            LOG.debug("setpriority failed: {}", e.toString());
            return false;
        }
    }

    /** {@code work} run on a lowered thread: what a background thread factory wraps its tasks in. */
    public static Runnable lowered(Runnable work) {
        return () -> {
            lowerCurrentThread();
            work.run();
        };
    }
}
