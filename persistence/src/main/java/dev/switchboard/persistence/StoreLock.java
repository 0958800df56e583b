package dev.switchboard.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The single-process guard of a data folder: exactly one process opens the store. An OS file lock (released by the
 * OS when the process dies, so a kill -9 never leaves a stale lock) plus a small owner file that tells a second
 * process who holds it.
 */
public final class StoreLock implements AutoCloseable {
    static final String LOCK_FILE = "store.lock";
    static final String OWNER_FILE = "store.owner";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path ownerFile;

    private StoreLock(FileChannel channel, FileLock lock, Path ownerFile) {
        this.channel = channel;
        this.lock = lock;
        this.ownerFile = ownerFile;
    }

    /**
     * How long a process waits for a short command (its holder begins with {@value #COMMAND_HOLDER}) to let go
     * before it reports the store in use: a command such as {@code switchboard queue} holds the store for a second or
     * two, and an engine or a console started meanwhile should not fail for it (found by CanaryTest: an engine
     * restarted while a status command ran exited "in use").
     */
    static final java.time.Duration COMMAND_PATIENCE = java.time.Duration.ofSeconds(15);
    /** How the command line names itself as a holder. */
    public static final String COMMAND_HOLDER = "the command ";

    /**
     * Takes the lock of {@code dataDir} for this process, waiting up to {@link #COMMAND_PATIENCE} while a short
     * command holds it.
     *
     * @param holder what this process is, for the message another process shows, e.g. "the Switchboard console"
     * @throws StoreLockedException when another process holds it
     */
    public static StoreLock acquire(Path dataDir, String holder) {
        long until = System.nanoTime() + COMMAND_PATIENCE.toNanos();
        while (true) {
            try {
                return tryAcquire(dataDir, holder);
            } catch (StoreLockedException e) {
                if (!e.holder().startsWith(COMMAND_HOLDER) || System.nanoTime() > until) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static StoreLock tryAcquire(Path dataDir, String holder) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        Path ownerFile = dataDir.resolve(OWNER_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                channel.close();
                String other = readOwner(ownerFile);
                throw new StoreLockedException("The store in " + dataDir + " is in use by " + other
                        + ". Only one Switchboard process opens a store at a time: close it first"
                        + " (or use its window), then try again.", other);
            }
            String owner = holder + " (pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + ")";
            Files.writeString(ownerFile, owner, StandardCharsets.UTF_8);
            return new StoreLock(channel, lock, ownerFile);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String readOwner(Path ownerFile) {
        try {
            String s = Files.readString(ownerFile, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "another Switchboard process" : s;
        } catch (IOException e) {
            return "another Switchboard process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: we are already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(ownerFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("Cannot release the store lock: " + e.getMessage(), e);
        }
    }
}
