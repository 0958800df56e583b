package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.audit.AuditChain;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogRepositoryTest {

    /**
     * Two appenders at once: the second waits for the first's commit on the head row, then finds it was no longer
     * the head; it must append after the first's row, not fail on its sequence number (the engine and a command
     * audited at the same moment once did).
     */
    @Test
    void concurrentAppendsChainOneAfterTheOther(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Store store = Store.openFile(dir)) {
            AuditLogRepository audit = new AuditLogRepository(store);
            audit.append("ada", "ada", "start", "s", "first", Instant.now());
            CountDownLatch aAppended = new CountDownLatch(1);
            CountDownLatch bStarted = new CountDownLatch(1);
            Future<?> a = pool.submit(() -> store.dsl().transaction(cfg -> {
                AuditLogRepository.append(cfg.dsl(), "a", "a", "a", "s", "from a", Instant.now());
                aAppended.countDown();
                bStarted.await(5, TimeUnit.SECONDS);
                Thread.sleep(300); // b is now waiting on the head row a locked
            }));
            aAppended.await(5, TimeUnit.SECONDS);
            Future<?> b = pool.submit(() -> {
                bStarted.countDown();
                audit.append("b", "b", "b", "s", "from b", Instant.now());
            });
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);

            // and many at once
            Future<?>[] many = new Future<?>[2];
            for (int t = 0; t < 2; t++) {
                int thread = t;
                many[t] = pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        audit.append("t" + thread, "t", "x", "s", "row " + i, Instant.now());
                    }
                });
            }
            for (Future<?> f : many) {
                f.get(60, TimeUnit.SECONDS);
            }
            AuditChain.Verifier v = new AuditChain.Verifier();
            audit.forEach(v::accept);
            assertThat(v.problem()).isEmpty();
            assertThat(v.checked()).isEqualTo(203);
        } finally {
            pool.shutdownNow();
        }
    }
}
