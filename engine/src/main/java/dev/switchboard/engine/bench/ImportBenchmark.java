package dev.switchboard.engine.bench;

import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportService;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.persistence.ContactImportWriter;
import dev.switchboard.persistence.ContactListRepository;
import dev.switchboard.persistence.ContactRepository;
import dev.switchboard.persistence.ImportRepository;
import dev.switchboard.persistence.RawContactInserter;
import dev.switchboard.persistence.Store;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import benchmark: generates an N-row list, imports it into a fresh file store, then in the same run
 * bulk-inserts the same already-normalized contacts into another fresh file store with the same settings
 * (WRITE_DELAY=0) using plain JDBC batches of the same size. Prints the times, their ratio and the peak heap.
 */
public final class ImportBenchmark {
    private static final int BATCH = ImportService.BATCH_SIZE;
    private static final int WARM_UP_ROWS = 20_000;

    private ImportBenchmark() {
    }

    public record Result(int rows, double importSeconds, double rawSeconds, long peakHeapBytes, long liveHeapBytes,
                         ImportSummary summary) {
        public double ratio() {
            return importSeconds / rawSeconds;
        }
    }

    public static Result run(Path workDir, int rows, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        if (rows > WARM_UP_ROWS * 5) {
            // Both paths run the same H2 code: warm the JIT on a small run first, or the import (measured first)
            // would pay for compiling what the baseline then gets for free.
            long w = System.nanoTime();
            measure(workDir.resolve("warm-up"), WARM_UP_ROWS, new PrintStream(java.io.OutputStream.nullOutputStream()));
            out.printf("warm-up (%,d rows, not measured) took %.1f s%n", WARM_UP_ROWS, (System.nanoTime() - w) / 1e9);
        }
        return measure(workDir, rows, out);
    }

    private static Result measure(Path workDir, int rows, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("contacts-" + rows + ".csv");
        long t0 = System.nanoTime();
        ListFileGenerator.write(csv, rows, 42);
        out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(csv), (System.nanoTime() - t0) / 1e9);

        Path importDir = workDir.resolve("import-store");
        Path rawDir = workDir.resolve("raw-store");
        deleteStore(importDir);
        deleteStore(rawDir);
        try (Store importStore = Store.openFile(importDir); Store rawStore = Store.openFile(rawDir)) {
            out.printf("store WRITE_DELAY: import=%s raw=%s%n", importStore.writeDelay(), rawStore.writeDelay());
            ContactListRepository lists = new ContactListRepository(importStore);
            ImportService service = new ImportService(lists, new ImportRepository(importStore),
                    new ContactImportWriter(importStore), Clock.systemUTC());

            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long start = System.nanoTime();
            ImportSummary summary = service.run(ImportRequest.of(csv, "bench"), ImportListener.NONE, () -> false);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            sampler.stop();
            out.printf("import: %,d rows (%,d inserted, %,d rejected) in %.2f s = %,.0f rows/s%n", summary.rows(),
                    summary.inserted(), summary.rejected(), importSeconds, summary.rows() / importSeconds);

            ContactList source = lists.byName("bench").orElseThrow();
            ContactRepository contacts = new ContactRepository(importStore);
            ContactList target = new ContactListRepository(rawStore)
                    .getOrCreate("bench", "US", source.mapping(), Instant.now());
            RawContactInserter raw = new RawContactInserter(rawStore);
            long rawNanos = 0;
            long after = 0;
            long inserted = 0;
            while (true) {
                List<Contact> page = contacts.pageAfter(source.id(), after, BATCH); // read: not timed
                if (page.isEmpty()) {
                    break;
                }
                long s = System.nanoTime();
                raw.insert(target.id(), page);
                rawNanos += System.nanoTime() - s;
                after = page.getLast().id();
                inserted += page.size();
            }
            double rawSeconds = rawNanos / 1e9;
            out.printf("store files: import %,d MB, raw %,d MB%n", importStore.fileSize() >> 20,
                    rawStore.fileSize() >> 20);
            out.printf("raw JDBC baseline: %,d contacts in %.2f s = %,.0f rows/s%n", inserted, rawSeconds,
                    inserted / rawSeconds);
            Result r = new Result(rows, importSeconds, rawSeconds, sampler.peakUsed.get(), sampler.peakLive.get(),
                    summary);
            out.printf("import_vs_raw_ratio=%.2f%n", r.ratio());
            out.printf("peak_heap_used_mb=%.1f (max heap %d MB)%n", r.peakHeapBytes() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576);
            out.printf("peak_heap_live_after_gc_mb=%.1f%n", r.liveHeapBytes() / 1048576.0);
            return r;
        }
    }

    private static void deleteStore(Path dir) throws java.io.IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Samples heap use every 20 ms: the peak used, and the peak still live after a collection. */
    private static final class HeapSampler {
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakLive = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    long used = 0;
                    long live = 0;
                    for (MemoryPoolMXBean p : heap) {
                        used += p.getUsage().getUsed();
                        var after = p.getCollectionUsage();
                        live += after == null ? 0 : after.getUsed();
                    }
                    peakUsed.accumulateAndGet(used, Math::max);
                    peakLive.accumulateAndGet(live, Math::max);
                    try {
                        Thread.sleep(20);
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
    }
}
