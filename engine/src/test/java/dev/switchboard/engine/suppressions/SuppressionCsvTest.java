package dev.switchboard.engine.suppressions;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.ProfileStore;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.SuppressionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Searching the ledger, importing a CSV file (all or nothing) and exporting it (which imports again). */
class SuppressionCsvTest {
    @TempDir
    Path dir;
    private ProfileStore profiles;
    private SuppressionService suppressions;
    private Actor carla;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        suppressions = new SuppressionService(new SuppressionRepository(profiles.store), profiles.log,
                Clock.systemUTC());
        carla = profiles.profile("carla", Role.COMPLIANCE);
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("in-" + System.nanoTime() + ".csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void importsEveryRowOrNoneNamingEachBadRowAndField() throws Exception {
        Path bad = file("""
                address,kind,channel,reason,expires
                (212) 736-5000,dnc,,customer request,
                not-an-address,opt_out,sms,STOP,
                ana@example.com,spam,email,,2027-02-30
                """);
        var refused = assertThatThrownBy(() -> suppressions.importCsv(carla, bad, (d, t) -> { }))
                .isInstanceOf(SuppressionService.ImportRefusedException.class)
                .hasMessageContaining("nothing was imported");
        refused.extracting(e -> ((SuppressionService.ImportRefusedException) e).problems())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting(p -> ((SuppressionService.RowProblem) p).line() + ":"
                        + ((SuppressionService.RowProblem) p).field())
                .containsExactly("3:address", "4:kind", "4:reason", "4:expires");
        assertThat(suppressions.search(SuppressionService.Search.ALL, 0, 10).total()).isZero();

        suppressions.add(carla, Suppression.Kind.DNC, null, "+12127365000", null, "already there", "test");
        List<long[]> progress = new ArrayList<>();
        var report = suppressions.importCsv(carla, file("""
                Address,Kind,Channel,Reason,Expires,Note
                "(212) 736-5000",dnc,,customer request,,
                '+12127365001,opt_out,SMS,replied STOP,2027-11-23,ignored column
                Ana@Example.com,hard_bounce,email,bounced,,
                """), (d, t) -> progress.add(new long[] {d, t}));
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.alreadyThere()).isEqualTo(1);
        assertThat(progress.getLast()).containsExactly(6, 6);
        var sms = suppressions.search(new SuppressionService.Search("736-5001", null, null), 0, 10).entries();
        assertThat(sms).singleElement().satisfies(e -> {
            assertThat(e.suppression().key()).isEqualTo("+12127365001");
            assertThat(e.suppression().expiresAt()).isEqualTo(Instant.parse("2027-11-24T00:00:00Z"));
            assertThat(e.createdBy()).isEqualTo("carla");
            assertThat(e.source()).startsWith("csv import");
        });
        assertThat(profiles.log.recent(1).getFirst().action()).isEqualTo("suppression.import");
    }

    @Test
    void onlyComplianceOrAdminImports() throws Exception {
        Actor olga = profiles.profile("olga", Role.OPERATOR);
        Path f = file("address,kind,reason\n+12127365000,dnc,x\n");
        assertThatThrownBy(() -> suppressions.importCsv(olga, f, (d, t) -> { }))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> suppressions.importCsv(carla, file("number,why\n1,2\n"), (d, t) -> { }))
                .isInstanceOf(SuppressionService.ImportRefusedException.class).hasMessageContaining("'address'");
    }

    @Test
    void searchesByAddressFragmentKindAndChannel() throws Exception {
        suppressions.add(carla, Suppression.Kind.DNC, null, "+12127365000", null, "dnc", "test");
        suppressions.add(carla, Suppression.Kind.OPT_OUT, Channel.SMS, "+13177340100", null, "stop", "test");
        suppressions.add(carla, Suppression.Kind.HARD_BOUNCE, Channel.EMAIL, "ana@example.com", null, "bounce",
                "test");
        assertThat(keys(new SuppressionService.Search("212 736", null, null))).containsExactly("+12127365000");
        assertThat(keys(new SuppressionService.Search("EXAMPLE", null, null))).containsExactly("ana@example.com");
        assertThat(keys(new SuppressionService.Search(null, Suppression.Kind.OPT_OUT, null)))
                .containsExactly("+13177340100");
        // what stops SMS: the SMS opt-out and the all-channel DNC
        assertThat(keys(new SuppressionService.Search(null, null, Channel.SMS)))
                .containsExactly("+13177340100", "+12127365000");
        var page = suppressions.search(SuppressionService.Search.ALL, 1, 1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.entries()).extracting(e -> e.suppression().key()).containsExactly("+13177340100");
    }

    private List<String> keys(SuppressionService.Search s) {
        return suppressions.search(s, 0, 50).entries().stream().map(e -> e.suppression().key()).toList();
    }

    @Test
    void anExportImportsAgainAndEscapesFormulas() throws Exception {
        suppressions.add(carla, Suppression.Kind.OPT_OUT, Channel.SMS, "+12127365000",
                Instant.parse("2027-11-24T00:00:00Z"), "=HYPERLINK(\"x\")", "test");
        suppressions.add(carla, Suppression.Kind.DNC, null, "ana@example.com", null, "asked, by phone", "test");
        Path out = dir.resolve("export.csv");
        assertThat(suppressions.exportCsv(carla, SuppressionService.Search.ALL, out)).isEqualTo(2);
        String text = Files.readString(out);
        assertThat(text).startsWith("address,kind,channel,reason,expires,id,source,created_at,created_by")
                .contains("'+12127365000,opt_out,sms,\"'=HYPERLINK(\"\"x\"\")\",2027-11-23,")
                .contains("ana@example.com,dnc,,\"asked, by phone\",,");
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("export.csv");

        try (ProfileStore other = new ProfileStore()) {
            SuppressionService fresh = new SuppressionService(new SuppressionRepository(other.store), other.log,
                    Clock.systemUTC());
            var report = fresh.importCsv(other.admin, out, (d, t) -> { });
            assertThat(report.added()).isEqualTo(2);
            assertThat(fresh.search(new SuppressionService.Search("2127365000", null, null), 0, 1).entries())
                    .singleElement().satisfies(e -> {
                        assertThat(e.suppression().reason()).isEqualTo("=HYPERLINK(\"x\")");
                        assertThat(e.suppression().expiresAt()).isEqualTo(Instant.parse("2027-11-24T00:00:00Z"));
                        assertThat(e.suppression().channel()).isEqualTo(Channel.SMS);
                    });
        }
        assertThat(profiles.log.recent(1).getFirst().action()).isEqualTo("suppression.export");
    }
}
