package dev.switchboard.app.console.compliance;

import dev.switchboard.engine.AuditService;
import dev.switchboard.engine.compliance.BlockService;
import dev.switchboard.engine.dnc.DncService;
import dev.switchboard.engine.dnc.GenesysDnc;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditChain;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An in-memory {@link ComplianceBackend} that records what it was asked, for view-model tests and screenshots. */
public final class FakeComplianceBackend implements ComplianceBackend {
    static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");

    final List<SuppressionService.Entry> entries = new ArrayList<>();
    final List<SuppressionService.RemovalRequest> pending = new ArrayList<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<BlockService.RuleCount> counts = new ArrayList<>();
    final List<BlockService.Block> blockList = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    SuppressionService.Search lastSearch;
    Long lastBlocksCampaign;
    String brokenAt;
    Exception importFailure;
    SuppressionService.ImportReport importReport;
    RuntimeException syncFailure;
    private long nextId = 100;

    /** Demo data: suppressions, a pending removal, blocks in two campaigns, and an audit chain. */
    public static FakeComplianceBackend demo() {
        FakeComplianceBackend b = new FakeComplianceBackend();
        b.suppression(Suppression.Kind.OPT_OUT, Channel.SMS, "+12127365000", "replied STOP", "sms keyword", "engine");
        b.suppression(Suppression.Kind.DNC, null, "+13175550142", "customer asked by phone", "console", "carla");
        b.suppression(Suppression.Kind.HARD_BOUNCE, Channel.EMAIL, "ana.lopez@example.com", "550 mailbox unknown",
                "engine", "engine");
        b.suppression(Suppression.Kind.DNC, Channel.VOICE, "+16175550199", "on the Genesys DNC list 'Corporate DNC'",
                "genesys dnc Corporate DNC", "engine");
        b.suppression(Suppression.Kind.LEGAL_HOLD, null, "+17735550123", "litigation hold, case 26-114", "console",
                "ada");
        b.pending.add(new SuppressionService.RemovalRequest(7, b.entries.stream().filter(e -> e.suppression().key()
                .equals("+13175550142")).findFirst().orElseThrow(), "entered against the wrong number", "olga",
                T0.plusSeconds(600)));
        b.counts.add(new BlockService.RuleCount("suppression.OPT_OUT", 1, "Appointment reminders", 42,
                T0.plusSeconds(3600)));
        b.counts.add(new BlockService.RuleCount("suppression.OPT_OUT", 2, "Winter offers", 17, T0.plusSeconds(7200)));
        b.counts.add(new BlockService.RuleCount("window.quiet-hours", 2, "Winter offers", 23, T0.plusSeconds(500)));
        b.counts.add(new BlockService.RuleCount("cap.weekly", 1, "Appointment reminders", 6, T0));
        b.counts.add(new BlockService.RuleCount("consent.missing", 2, "Winter offers", 2, T0));
        for (int i = 0; i < 5; i++) {
            b.blockList.add(new BlockService.Block(500 - i, T0.plusSeconds(3600 - i * 60L), 1,
                    "Appointment reminders", 10 + i, "Demo contacts", "C-10" + i, "sms-1", "SMS",
                    "suppression.OPT_OUT", "suppressed: OPT_OUT on SMS since 2026-11-0" + (i + 1) + " (replied STOP)",
                    "us-2026@2026.11"));
        }
        String[][] rows = {
                {"ada", "profile.add", "profile ada", "role=ADMIN"},
                {"ada", "profile.add", "profile carla", "role=COMPLIANCE"},
                {"carla", "template.approve", "template reminder-sms v2", "approved"},
                {"engine", "suppression.add", "address ********5000", "OPT_OUT SMS: replied STOP"},
                {"olga", "suppression.removal-request", "suppression 2 address ********0142",
                        "request 7: entered against the wrong number"},
                {"ada", "campaign.launch", "campaign Appointment reminders", "324 contacts enrolled"}};
        AuditEntry last = null;
        for (int i = 0; i < rows.length; i++) {
            last = AuditChain.next(last, T0.plusSeconds(i * 90L), rows[i][0], rows[i][0].equals("engine")
                    ? "switchboard" : rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
            b.audit.add(last);
        }
        return b;
    }

    void suppression(Suppression.Kind kind, Channel channel, String key, String reason, String source, String by) {
        entries.addFirst(new SuppressionService.Entry(nextId++, new Suppression(kind, channel, key, null, reason),
                source, T0.plusSeconds(entries.size() * 300L), by));
    }

    @Override
    public RulePackInfo rulePack() {
        return new RulePackInfo("us-2026@2026.11", LocalDate.of(2026, 11, 1), "Compliance counsel, 2026-10-20");
    }

    @Override
    public SuppressionService.Page search(SuppressionService.Search search, int offset, int limit) {
        lastSearch = search;
        List<SuppressionService.Entry> match = entries.stream()
                .filter(e -> search.text() == null || e.suppression().key().contains(
                        search.text().replaceAll("[^0-9a-z@.]", "")))
                .filter(e -> search.kind() == null || e.suppression().kind() == search.kind())
                .filter(e -> search.channel() == null || e.suppression().channel() == null
                        || e.suppression().channel() == search.channel())
                .toList();
        return new SuppressionService.Page(match.subList(Math.min(offset, match.size()),
                Math.min(match.size(), offset + limit)), offset, match.size());
    }

    @Override
    public long add(Actor by, Suppression.Kind kind, Channel channel, String address, Instant expiresAt,
                    String reason) throws PermissionDeniedException {
        calls.add("add " + address + " by " + by.name());
        if (!address.startsWith("+") && !address.contains("@")) {
            throw new IllegalArgumentException("'" + address + "' is neither a valid phone number nor an email"
                    + " address");
        }
        suppression(kind, channel, address, reason, "console", by.name());
        return nextId - 1;
    }

    @Override
    public long requestRemoval(Actor by, long suppressionId, String reason) {
        calls.add("request " + suppressionId + " by " + by.name() + ": " + reason);
        SuppressionService.Entry e = entries.stream().filter(x -> x.id() == suppressionId).findFirst().orElseThrow();
        long id = nextId++;
        pending.add(new SuppressionService.RemovalRequest(id, e, reason, by.name(), T0));
        return id;
    }

    @Override
    public void approveRemoval(Actor by, long requestId) throws PermissionDeniedException {
        calls.add("approve " + requestId + " by " + by.name());
        SuppressionService.RemovalRequest r = pending.stream().filter(x -> x.id() == requestId).findFirst()
                .orElseThrow();
        if (r.requestedBy().equals(by.name())) {
            throw new PermissionDeniedException(by.name() + " asked for this removal and may not approve it");
        }
        pending.remove(r);
        entries.removeIf(e -> e.id() == r.suppression().id());
    }

    @Override
    public void rejectRemoval(Actor by, long requestId, String note) {
        calls.add("reject " + requestId + " by " + by.name() + ": " + note);
        pending.removeIf(x -> x.id() == requestId);
    }

    @Override
    public List<SuppressionService.RemovalRequest> pendingRemovals() {
        return List.copyOf(pending);
    }

    @Override
    public SuppressionService.ImportReport importCsv(Actor by, Path file, SuppressionService.Progress progress)
            throws SuppressionService.ImportRefusedException, PermissionDeniedException {
        calls.add("import " + file.getFileName() + " by " + by.name());
        progress.at(1, 2);
        if (importFailure instanceof SuppressionService.ImportRefusedException r) {
            throw r;
        }
        if (importFailure instanceof PermissionDeniedException p) {
            throw p;
        }
        progress.at(2, 2);
        return importReport;
    }

    @Override
    public int exportCsv(Actor by, SuppressionService.Search search, Path file) {
        calls.add("export " + file.getFileName() + " by " + by.name());
        return entries.size();
    }

    @Override
    public GenesysDnc.SyncReport syncDnc(Actor by) {
        calls.add("sync by " + by.name());
        if (syncFailure != null) {
            throw syncFailure;
        }
        return new GenesysDnc.SyncReport(T0, T0.plusSeconds(2), 3, 120, 4, null);
    }

    @Override
    public SyncState syncState() {
        return new SyncState(Optional.of(new DncService.SyncRecord(T0, T0.plusSeconds(2), 3, 120, 4, null)),
                Optional.of(new DncService.SyncRecord(T0, T0.plusSeconds(2), 3, 120, 4, null)));
    }

    @Override
    public List<CampaignRef> campaigns() {
        return List.of(new CampaignRef(1, "Appointment reminders"), new CampaignRef(2, "Winter offers"));
    }

    @Override
    public List<BlockService.RuleTotal> blockTotals(Long campaignId) {
        calls.add("totals " + campaignId);
        var byRule = new java.util.LinkedHashMap<String, List<BlockService.RuleCount>>();
        counts.stream().filter(c -> campaignId == null || c.campaignId() == campaignId)
                .forEach(c -> byRule.computeIfAbsent(c.rule(), r -> new ArrayList<>()).add(c));
        List<BlockService.RuleTotal> out = new ArrayList<>();
        byRule.forEach((rule, list) -> out.add(new BlockService.RuleTotal(rule,
                list.stream().mapToInt(BlockService.RuleCount::blocks).sum(),
                list.stream().map(BlockService.RuleCount::lastAt).max(Comparator.naturalOrder()).orElse(null),
                list)));
        out.sort(Comparator.comparingInt(BlockService.RuleTotal::blocks).reversed());
        return out;
    }

    @Override
    public List<BlockService.Block> blocks(String rule, Long campaignId, int offset, int limit) {
        lastBlocksCampaign = campaignId;
        List<BlockService.Block> match = blockList.stream().filter(b -> b.rule().equals(rule))
                .filter(b -> campaignId == null || b.campaignId() == campaignId).toList();
        return match.subList(Math.min(offset, match.size()), Math.min(match.size(), offset + limit));
    }

    @Override
    public List<AuditEntry> auditPage(long beforeSeq, int limit) {
        return audit.reversed().stream().filter(e -> e.seq() < beforeSeq).limit(limit).toList();
    }

    @Override
    public long auditLastSeq() {
        return audit.isEmpty() ? 0 : audit.getLast().seq();
    }

    @Override
    public AuditService.Verification verifyAudit() {
        return new AuditService.Verification(audit.size(), Optional.ofNullable(brokenAt));
    }
}
