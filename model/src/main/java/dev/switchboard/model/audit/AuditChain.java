package dev.switchboard.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit log's hash chain: each row stores H(prev_hash ‖ canonical row) (compliance-rules §7), so an edited,
 * removed or reordered row breaks every hash after it, and {@link Verifier} names the first bad row.
 */
public final class AuditChain {
    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The next row after {@code previous} (null for the first), with its hash. */
    public static AuditEntry next(AuditEntry previous, Instant at, String actor, String osLogin, String action,
                                  String subject, String details) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        return new AuditEntry(seq, at, actor, osLogin, action, subject, details, prev,
                hash(seq, at, actor, osLogin, action, subject, details, prev));
    }

    /** SHA-256 hex over the previous hash and a length-prefixed canonical form of the row. */
    public static String hash(long seq, Instant at, String actor, String osLogin, String action, String subject,
                              String details, String prevHash) {
        StringBuilder sb = new StringBuilder(prevHash).append('|');
        for (String field : new String[]{Long.toString(seq), at.toString(), actor, osLogin, action, subject,
                details}) {
            sb.append(field.length()).append(':').append(field).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Checks rows fed in seq order; remembers the first that breaks the chain. */
    public static final class Verifier {
        private AuditEntry previous;
        private String problem;
        private long checked;

        public void accept(AuditEntry e) {
            if (problem != null) {
                return;
            }
            long expectedSeq = previous == null ? 1 : previous.seq() + 1;
            String expectedPrev = previous == null ? GENESIS : previous.hash();
            if (e.seq() != expectedSeq) {
                problem = "row " + e.seq() + ": expected row " + expectedSeq + " here (a row was removed or added)";
            } else if (!e.prevHash().equals(expectedPrev)) {
                problem = "row " + e.seq() + ": its previous-hash does not match row " + (e.seq() - 1);
            } else if (!e.hash().equals(hash(e.seq(), e.at(), e.actor(), e.osLogin(), e.action(), e.subject(),
                    e.details(), e.prevHash()))) {
                problem = "row " + e.seq() + ": its content does not match its hash (the row was changed)";
            }
            previous = e;
            checked++;
        }

        /** The first problem, empty when every row so far holds. */
        public Optional<String> problem() {
            return Optional.ofNullable(problem);
        }

        public long checked() {
            return checked;
        }
    }
}
