package dev.switchboard.engine.contacts;

import dev.switchboard.engine.Workspace;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.ListSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import engine end to end on a real H2 file store, over ugly files the tests write. */
class ImportServiceTest {
    static final String HEADER = "CRM_Lead_ID,First Name,Last Name,Mobile,Email,State,Zip\n";
    static final String TEN_GOOD = """
            L-1,Ana,Smith,(415) 734-2671,ana@example.com,CA,94103
            L-2,Ben,Jones,+1 212 736 5000,,NY,10001
            L-3,Chloé,Martin,305.734.2671,chloe@example.com,FL,33101
            L-4,Dmitri,Petrov,1-512-734-2671,dmitri@example.com,TX,78701
            L-5,Eve,Adams,,eve@example.com,IL,60601
            L-6,Farah,Khan,(617) 734-2671 x12,,MA,02108
            L-7,Guo,Li,206-734-2671,guo@example.com,WA,98101
            L-8,Hana,Sato,4047342671,hana@example.com,GA,30303
            L-9,Ivan,Horvat,(602) 734-2671,,AZ,85001
            L-10,José,García,(303) 734-2671,jose@example.com,CO,80202
            """;
    static final String FIVE_BAD = """
            L-11,Kai,Bad,(415) 555-0123,,CA,94103
            L-12,Lena,Bad,123,,CA,94103
            L-13,Mateo,Bad,(900) 734-1234,,CA,94103
            L-14,Nia,Bad,911,,CA,94103
            L-15,Omar,Bad,,,CA,94103
            """;

    @TempDir
    Path dir;
    Workspace workspace;
    ImportService imports;
    ContactDirectory directory;

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the test");
        imports = workspace.imports();
        directory = workspace.contacts();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    Path write(String name, String text, Charset charset) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    ImportSummary importFile(Path file, String list) throws Exception {
        return imports.run(ImportRequest.of(file, list), ImportListener.NONE, () -> false);
    }

    @Test
    void tenGoodAndFiveBadRowsGiveTenContactsAndFiveReasonedRejections() throws Exception {
        Path file = write("q4.csv", HEADER + TEN_GOOD + FIVE_BAD, StandardCharsets.UTF_8);
        ImportSummary s = importFile(file, "Q4");

        assertThat(s.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(s).extracting(ImportSummary::inserted, ImportSummary::rejected).containsExactly(10L, 5L);
        ListSummary q4 = directory.list("Q4").orElseThrow();
        assertThat(q4.contacts()).isEqualTo(10);
        List<ImportIssue> rejected = directory.issues(s.importId(), true, 0, 100);
        assertThat(rejected).extracting(ImportIssue::lineNo).containsExactly(12L, 13L, 14L, 15L, 16L);
        assertThat(rejected).extracting(i -> i.issue().reason()).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(rejected.get(0).issue().column()).isEqualTo("Mobile");
        assertThat(rejected.get(0).issue().reason()).containsIgnoringCase("fictional");
        assertThat(rejected.get(2).issue().reason()).containsIgnoringCase("premium");

        Contact jose = directory.contacts(q4.list().id(), new ContactFilter("L-10"), 0, 5).getFirst();
        assertThat(jose.data().firstName()).isEqualTo("José");
        assertThat(jose.data().phones().getFirst().e164()).isEqualTo("+13037342671");
        assertThat(jose.data().phones().getFirst().raw()).isEqualTo("(303) 734-2671");
        assertThat(jose.data().timeZones().candidates()).extracting(Object::toString).contains("America/Denver");
        assertThat(jose.data().jurisdiction().code()).isEqualTo("US-CO");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Path file = write("q4.csv", HEADER + TEN_GOOD + FIVE_BAD, StandardCharsets.UTF_8);
        importFile(file, "Q4");
        long listId = directory.list("Q4").orElseThrow().list().id();
        List<Contact> before = directory.contacts(listId, ContactFilter.ALL, 0, 100);

        ImportSummary again = importFile(file, "Q4");

        assertThat(again).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged,
                ImportSummary::rejected).containsExactly(0L, 0L, 10L, 5L);
        assertThat(directory.contacts(listId, ContactFilter.ALL, 0, 100)).isEqualTo(before);
    }

    @Test
    void aChangedRowUpdatesAndDuplicatesInOneFileAreReportedWithBothLines() throws Exception {
        importFile(write("a.csv", HEADER + TEN_GOOD, StandardCharsets.UTF_8), "Q4");
        String changed = HEADER + TEN_GOOD.replace("L-2,Ben,Jones", "L-2,Benjamin,Jones")
                + "L-3,Chloé,Again,305.734.2672,,FL,33101\n";
        ImportSummary s = importFile(write("b.csv", changed, StandardCharsets.UTF_8), "Q4");

        assertThat(s).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged,
                ImportSummary::rejected).containsExactly(0L, 1L, 9L, 1L);
        ImportIssue dup = directory.issues(s.importId(), true, 0, 10).getFirst();
        assertThat(dup.lineNo()).isEqualTo(12);
        assertThat(dup.issue().reason()).contains("line 4");
        assertThat(directory.list("Q4").orElseThrow().contacts()).isEqualTo(10);
    }

    @Test
    void uglyFilesImportRowByRow() throws Exception {
        // BOM, CRLF mixed with LF, semicolons, a quoted field with the separator, quotes and a newline,
        // a formula-looking value, and a NUL byte
        String text = "\uFEFFCRM_Lead_ID;Name;Cell;E-mail;Notes\r\n"
                + "A1;\"O'Brien, Pat\";415 734 2671;pat@example.com;\"said \"\"call me\"\"\r\nafter 5\"\r\n"
                + "A2;Zoë Dupont;+44 20 7946 0958;;=HYPERLINK(\"http://x\")\n"
                + "A3;Nul Byte;415 734 2672;nul@example.com;bad\u0000value\r\n"
                + "A4;Tab\tIn Name;(415) 734-2673;;\n";
        Path file = write("ugly.csv", text, StandardCharsets.UTF_8);
        ImportSummary s = importFile(file, "Ugly");

        assertThat(s.delimiter()).isEqualTo("semicolon");
        assertThat(s).extracting(ImportSummary::inserted, ImportSummary::rejected).containsExactly(3L, 1L);
        long id = directory.list("Ugly").orElseThrow().list().id();
        Contact pat = directory.contacts(id, new ContactFilter("A1"), 0, 1).getFirst();
        assertThat(pat.data().attributes()).containsEntry("Notes", "said \"call me\"\r\nafter 5");
        Contact zoe = directory.contacts(id, new ContactFilter("A2"), 0, 1).getFirst();
        assertThat(zoe.data().phones().getFirst().e164()).isEqualTo("+442079460958");
        assertThat(zoe.data().attributes()).containsEntry("Notes", "=HYPERLINK(\"http://x\")");
        ImportIssue nul = directory.issues(s.importId(), true, 0, 10).getFirst();
        assertThat(nul.lineNo()).isEqualTo(5);
        assertThat(nul.issue().column()).isEqualTo("Notes");

        StringWriter csv = new StringWriter();
        directory.exportVerdicts(s.importId(), csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("line,record,external_key,verdict,column,reason");
        assertThat(csv.toString()).contains("5,3,A3,rejected,Notes,");
    }

    @Test
    void windows1252AndUtf16AreDecoded() throws Exception {
        String text = "ID\tName\tPhone\r\nW1\tJosé Müller\t(415) 734-2671\r\n";
        importFile(write("w.csv", text, Charset.forName("windows-1252")), "Win");
        importFile(write("u.csv", "\uFEFF" + text.replace("W1", "U1"), StandardCharsets.UTF_16LE), "Utf16");
        for (String list : List.of("Win", "Utf16")) {
            long id = directory.list(list).orElseThrow().list().id();
            assertThat(directory.contacts(id, ContactFilter.ALL, 0, 1).getFirst().data().displayName())
                    .as(list).isEqualTo("José Müller");
        }
    }

    @Test
    void formulaCellsAreEscapedInTheVerdictExport() throws Exception {
        Path file = write("f.csv", "ID,Phone\n=1+2,(415) 734-2671\n@SUM(A1),911\n", StandardCharsets.UTF_8);
        ImportSummary s = importFile(file, "F");
        StringWriter csv = new StringWriter();
        directory.exportVerdicts(s.importId(), csv);
        assertThat(csv.toString()).contains("'=1+2,inserted").contains("'@SUM(A1),rejected");
    }

    @Test
    void fatalInputFailsFastAndWritesNothing() throws Exception {
        assertFatal(dir.resolve("missing.csv"), "File not found");
        assertFatal(write("empty.csv", "", StandardCharsets.UTF_8), "is empty");
        assertFatal(write("blank.csv", "\n\n\r\n", StandardCharsets.UTF_8), "no header row");
        assertFatal(write("nophone.csv", "ID,Name,Age\n1,Ana,30\n", StandardCharsets.UTF_8),
                "no phone or email column");
        assertFatal(write("data.csv", "L-1,Ana,(415) 734-2671\n", StandardCharsets.UTF_8), "no header row");
        assertThat(directory.lists()).isEmpty();
    }

    private void assertFatal(Path file, String message) {
        assertThatThrownBy(() -> importFile(file, "Nothing")).isInstanceOf(ImportInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aCancelledImportResumesWithoutDuplicates() throws Exception {
        StringBuilder sb = new StringBuilder("ID,Phone\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append("K-").append(i).append(",+1 415 734 ").append(String.format("%04d", i)).append('\n');
        }
        Path file = write("big.csv", sb.toString(), StandardCharsets.UTF_8);
        AtomicInteger checks = new AtomicInteger();
        ImportSummary first = imports.run(ImportRequest.of(file, "Big"), ImportListener.NONE,
                () -> checks.incrementAndGet() > 2 && directory.list("Big").orElseThrow().contacts() >= 2000);

        assertThat(first.state()).isEqualTo(ImportState.CANCELLED);
        long partial = directory.list("Big").orElseThrow().contacts();
        assertThat(partial).isBetween(2000L, 4999L).isEqualTo(first.inserted());

        ImportSummary second = importFile(file, "Big");
        assertThat(second.importId()).isEqualTo(first.importId());
        assertThat(second.resumedFromLine()).isEqualTo(partial + 2);
        assertThat(second.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(second.inserted()).isEqualTo(5000);
        assertThat(directory.list("Big").orElseThrow().contacts()).isEqualTo(5000);
    }

    @Test
    void previewShowsFormatRowsAndMapping() throws Exception {
        Path file = write("p.csv", HEADER + TEN_GOOD, StandardCharsets.UTF_8);
        FilePreview p = imports.inspect(file, null, null, 3);
        assertThat(p.delimiterName()).isEqualTo("comma");
        assertThat(p.headers()).hasSize(7);
        assertThat(p.sampleRows()).hasSize(3);
        assertThat(p.mapping().columns().get(3).describe()).isEqualTo("Phone (mobile)");
        assertThat(p.mapping().problems()).isEmpty();
        assertThat(directory.lists()).isEmpty();
    }
}
