package dev.switchboard.app.console.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code prefix-N} that log what they fail with; background ones run below the UI threads
 * ({@link BackgroundPriority}), and so do the threads they start (the engine, the sandbox, the store's writer).
 */
public final class NamedThreadFactory implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreadFactory.class);

    private final String prefix;
    private final boolean background;
    private final AtomicInteger next = new AtomicInteger(1);

    public NamedThreadFactory(String prefix) {
        this(prefix, false);
    }

    /** {@code background}: the threads lower their priority before their first task. */
    public NamedThreadFactory(String prefix, boolean background) {
        this.prefix = prefix;
        this.background = background;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread thread = new Thread(background ? BackgroundPriority.lowered(r) : r, prefix + "-" + next.getAndIncrement());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception on {}", t.getName(), e));
        return thread;
    }
}
