package dev.switchboard.engine.bench;

import dev.switchboard.engine.genesys.OrgConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The org the engine benchmarks drive: in practice the sandbox, which the engine module only has on its test
 * classpath, so the caller (the {@code bench-engine} command, the smoke test) adapts it to this.
 */
public interface BenchOrg extends AutoCloseable {

    /** Starts an org with a budget of {@code requestsPerMinute} whose virtual clock runs at {@code clockSpeed}. */
    @FunctionalInterface
    interface Factory {
        BenchOrg start(int requestsPerMinute, double clockSpeed);
    }

    OrgConnection connection();

    /** The org's virtual clock. */
    Instant now();

    void advance(Duration d);

    /** Addresses of every touch the org accepted (one entry per touch). */
    List<String> ledgerAddresses();

    /** Requests counted against the budget (every authenticated request the budget let through). */
    long requestsCounted();

    /** 429s answered because the budget of the minute was spent. */
    long budgetRejections();

    /** The most requests counted within any window of {@code window} length. */
    long peakIn(Duration window);

    void resetMetrics();

    /** Requests counted by route ({@code METHOD /api/v2/...}, ids as {@code {id}}); empty when not known. */
    default java.util.Map<String, Long> requestsByRoute() {
        return java.util.Map.of();
    }

    /** Whether the org's simulated recipients reply to SMS (on by default). */
    default void seededReplies(boolean on) {
    }

    /** Addresses of every SMS the org sent, only those a Genesys campaign sent when {@code campaignsOnly}. */
    default List<String> smsLedgerAddresses(boolean campaignsOnly) {
        return ledgerAddresses();
    }

    @Override
    void close();
}
