package dev.switchboard.model.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {
    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> rows = new ArrayList<>();
        AuditEntry last = null;
        for (int i = 0; i < n; i++) {
            last = AuditChain.next(last, Instant.parse("2026-11-23T12:00:00Z").plusSeconds(i), "ada", "ops",
                    "template.approve", "template t" + i, "details " + i);
            rows.add(last);
        }
        return rows;
    }

    private static AuditChain.Verifier verify(List<AuditEntry> rows) {
        AuditChain.Verifier v = new AuditChain.Verifier();
        rows.forEach(v::accept);
        return v;
    }

    @Test
    void anIntactChainVerifies() {
        AuditChain.Verifier v = verify(chain(5));
        assertThat(v.problem()).isEmpty();
        assertThat(v.checked()).isEqualTo(5);
    }

    @Test
    void aChangedRowIsNamed() {
        List<AuditEntry> rows = chain(5);
        AuditEntry r = rows.get(2);
        rows.set(2, new AuditEntry(r.seq(), r.at(), "mallory", r.osLogin(), r.action(), r.subject(), r.details(),
                r.prevHash(), r.hash()));
        assertThat(verify(rows).problem()).hasValue("row 3: its content does not match its hash (the row was"
                + " changed)");
    }

    @Test
    void aRemovedRowIsNamed() {
        List<AuditEntry> rows = chain(5);
        rows.remove(1);
        assertThat(verify(rows).problem()).hasValueSatisfying(p -> assertThat(p).startsWith("row 3: expected row 2"));
    }

    @Test
    void aRebuiltRowWithAFreshHashBreaksTheNextLink() {
        List<AuditEntry> rows = chain(4);
        AuditEntry r = rows.get(1);
        AuditEntry forged = AuditChain.next(rows.get(0), r.at(), "mallory", r.osLogin(), r.action(), r.subject(),
                r.details());
        rows.set(1, forged);
        assertThat(verify(rows).problem()).hasValueSatisfying(p -> assertThat(p).startsWith("row 3: its previous-hash"));
    }
}
