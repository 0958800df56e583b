package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.contacts.FilePreview;
import dev.switchboard.engine.contacts.ImportFormat;
import dev.switchboard.engine.contacts.ImportInputException;
import dev.switchboard.engine.contacts.ImportProgress;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.model.contact.ColumnBinding;
import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.HeaderMapper;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code switchboard import FILE --list NAME}: the command-line face of the import engine. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a CSV contact list (upsert by external key: a re-import updates, never duplicates).",
                "An interrupted import of the same file resumes where it stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (rows may have been rejected; see the counts)",
                "2:wrong flag or argument",
                "3:the file cannot be imported (missing, unreadable, no header, no phone or email column, bad mapping)",
                "4:the store is held by another Switchboard process, or refused by a safety check",
                "5:done, but rows were rejected and --fail-on-rejects was given",
                "130:interrupted; run the same command again to resume"})
final class ImportCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportCommand.class);

    private static final int REJECTIONS_SHOWN = 20;
    private static final int REJECTIONS_IN_JSON = 1000;

    @CommandLine.ParentCommand
    SwitchboardCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (comma, semicolon or tab separated).")
    Path file;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list to import into;"
            + " created when new.")
    String list;

    @Option(names = "--region", paramLabel = "CC", description = "Default phone region for numbers written without"
            + " a country code (default: the list's, else US).")
    String region;

    @Option(names = "--encoding", paramLabel = "NAME", description = "utf-8, utf-16, utf-16le, utf-16be or"
            + " windows-1252 (default: detected).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "SEP", description = "comma, semicolon, tab or pipe"
            + " (default: detected).")
    String delimiter;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping file of 'Column header = field'"
            + " lines (fields: key, first_name, last_name, full_name, email, phone[:mobile|home|work|other],"
            + " address, city, state, postal_code, country, time_zone, consent_voice, consent_sms, consent_email,"
            + " consent_date, consent_source, attribute, ignore).")
    Path mappingFile;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "Maps one column, e.g."
            + " --map 'Cell=phone:mobile'. Repeatable; wins over --mapping.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--key", paramLabel = "COLUMN", description = "The column holding the external key (CRM id).")
    String keyColumn;

    @Option(names = "--restart", description = "Start over instead of resuming an interrupted import of this file.")
    boolean restart;

    @Option(names = "--dry-run", description = "Show the detected format and mapping; write nothing.")
    boolean dryRun;

    @Option(names = "--verdicts", paramLabel = "FILE", description = "Also write every row's verdict to this CSV.")
    Path verdictsFile;

    @Option(names = "--fail-on-rejects", description = "Exit with 5 when any row was rejected.")
    boolean failOnRejects;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = StoreAccess.out(spec);
        PrintWriter err = StoreAccess.err(spec);
        ImportRequest request;
        LOG.debug("import {} into list {}", file, list);
        try {
            request = request();
        } catch (ImportInputException e) {
            err.println("switchboard import: " + e.getMessage());
            return e.getMessage().startsWith("Unknown") ? ExitCodes.USAGE : ExitCodes.INPUT;
        }
        ImportRequest base = request;
        return StoreAccess.with(root.dataDir(), "import", err, workspace -> {
            try {
                ImportRequest req = withExplicitMapping(workspace, base);
                if (dryRun) {
                    return dryRun(workspace, req, out);
                }
                return runImport(workspace, req, out, err);
            } catch (ImportInputException e) {
                err.println("switchboard import: " + e.getMessage());
                return ExitCodes.INPUT;
            }
        });
    }

    private ImportRequest request() throws ImportInputException {
        Charset charset = encoding == null ? null : ImportFormat.parseEncoding(encoding);
        Character sep = delimiter == null ? null : ImportFormat.parseDelimiter(delimiter);
        return new ImportRequest(file, list, region, charset, sep, null, restart);
    }

    private ImportRequest withExplicitMapping(Workspace workspace, ImportRequest request) throws Exception {
        if (mappingFile == null && maps.isEmpty() && keyColumn == null) {
            return request;
        }
        FilePreview preview = workspace.imports().inspect(request.file(), request.encoding(), request.delimiter(), 0);
        try {
            Map<String, String> spec = MappingSpec.read(mappingFile, maps, keyColumn);
            return request.withMapping(HeaderMapper.fromSpec(preview.headers(), spec));
        } catch (MappingSpec.SpecException | IllegalArgumentException e) {
            throw new ImportInputException(e.getMessage());
        }
    }

    private int dryRun(Workspace workspace, ImportRequest request, PrintWriter out) throws ImportInputException {
        FilePreview p = workspace.imports().inspect(request.file(), request.encoding(), request.delimiter(), 5);
        ColumnMapping mapping = request.mapping() != null ? request.mapping() : p.mapping();
        if (json) {
            ObjectNode o = Json.object();
            o.put("file", p.file().toString());
            o.put("encoding", p.encoding().name());
            o.put("delimiter", p.delimiterName());
            ArrayNode cols = o.putArray("columns");
            for (ColumnBinding b : mapping.columns()) {
                cols.addObject().put("header", b.header()).put("field", b.describe());
            }
            ArrayNode problems = o.putArray("problems");
            mapping.problems().forEach(problems::add);
            out.println(Json.write(o));
        } else {
            out.printf("%s: %s, %s separated, %d columns%n", p.file().getFileName(), p.encoding().name(),
                    p.delimiterName(), p.headers().size());
            for (ColumnBinding b : mapping.columns()) {
                String sample = p.sampleRows().isEmpty() || p.sampleRows().get(0).size() <= b.index() ? ""
                        : p.sampleRows().get(0).get(b.index());
                out.printf("  %-28s -> %-18s %s%n", b.header(), b.describe(), sample.isEmpty() ? "" : "e.g. " + sample);
            }
            mapping.problems().forEach(pr -> out.println("  problem: " + pr));
        }
        return mapping.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    private int runImport(Workspace workspace, ImportRequest request, PrintWriter out, PrintWriter err)
            throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: ask the import to stop after its current batch, and give it the time to record that it did.
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "import-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressLine progress = new ProgressLine(err, !quiet && !json && System.console() != null);
        ImportSummary summary;
        try {
            summary = workspace.imports().run(request, progress::show, cancelled::get);
        } finally {
            progress.done();
            finished.countDown();
        }
        if (cancelled.get()) {
            // the JVM is going down: the hook waits for this line
            err.println("switchboard import: interrupted after " + summary.rows() + " rows; run the same command"
                    + " again to resume.");
            return ExitCodes.INTERRUPTED;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        if (verdictsFile != null) {
            try (BufferedWriter w = Files.newBufferedWriter(verdictsFile, StandardCharsets.UTF_8)) {
                workspace.contacts().exportVerdicts(summary.importId(), w);
            }
        }
        List<ImportIssue> rejections = workspace.contacts().issues(summary.importId(), true, 0,
                json ? REJECTIONS_IN_JSON : REJECTIONS_SHOWN);
        if (json) {
            out.println(Json.write(toJson(summary, rejections)));
        } else {
            printSummary(out, summary, rejections);
        }
        if (summary.state() != ImportState.COMPLETED) {
            return ExitCodes.INTERRUPTED;
        }
        return failOnRejects && summary.rejected() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
    }

    private ObjectNode toJson(ImportSummary s, List<ImportIssue> rejections) {
        ObjectNode o = Json.object();
        o.put("import_id", s.importId());
        o.put("list", s.listName());
        o.put("list_id", s.listId());
        o.put("file", file.toAbsolutePath().toString());
        o.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("encoding", s.encoding());
        o.put("delimiter", s.delimiter());
        o.put("rows", s.rows());
        o.put("inserted", s.inserted());
        o.put("updated", s.updated());
        o.put("unchanged", s.unchanged());
        o.put("rejected", s.rejected());
        o.put("warned", s.warned());
        o.put("elapsed_ms", s.elapsed().toMillis());
        o.put("resumed_from_line", s.resumedFromLine());
        ArrayNode rows = o.putArray("rejections");
        for (ImportIssue i : rejections) {
            rows.addObject()
                    .put("line", i.lineNo())
                    .put("record", i.recordNo())
                    .put("external_key", i.externalKey())
                    .put("column", i.issue().column())
                    .put("value", i.issue().value())
                    .put("reason", i.issue().reason());
        }
        o.put("rejections_truncated", rejections.size() < s.rejected());
        return o;
    }

    private void printSummary(PrintWriter out, ImportSummary s, List<ImportIssue> rejections) {
        out.printf("Imported %s into list \"%s\" (%s, %s separated) in %s%s%n", file.getFileName(), s.listName(),
                s.encoding(), s.delimiter(), human(s.elapsed()),
                s.resumedFromLine() > 0 ? ", resumed at line " + s.resumedFromLine() : "");
        out.printf("  inserted   %,d%n  updated    %,d%n  unchanged  %,d%n  rejected   %,d%n", s.inserted(),
                s.updated(), s.unchanged(), s.rejected());
        if (s.warned() > 0) {
            out.printf("  (%,d accepted rows had a value dropped: switchboard contacts --list \"%s\" --warnings)%n",
                    s.warned(), s.listName());
        }
        if (!rejections.isEmpty()) {
            out.println("Rejected rows:");
            for (ImportIssue i : rejections) {
                out.printf("  line %-6d %-14s %s%n", i.lineNo(),
                        i.externalKey() == null ? "" : i.externalKey(), describe(i));
            }
            if (s.rejected() > rejections.size()) {
                out.printf("  … and more: switchboard contacts --list \"%s\" --rejected%n", s.listName());
            }
        }
    }

    static String describe(ImportIssue i) {
        StringBuilder sb = new StringBuilder();
        if (i.issue().column() != null) {
            sb.append(i.issue().column()).append(' ');
        }
        if (i.issue().value() != null && !i.issue().value().isEmpty()) {
            sb.append('"').append(i.issue().value().replaceAll("[\\r\\n\\t]", " ")).append("\" ");
        }
        if (!sb.isEmpty()) {
            sb.setLength(sb.length() - 1);
            sb.append(": ");
        }
        return sb.append(i.issue().reason()).toString();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 60_000 ? String.format("%.1f s", ms / 1000.0)
                : String.format("%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    /** One self-overwriting progress line on a terminal's standard error. */
    private static final class ProgressLine {
        private final PrintWriter err;
        private final boolean enabled;
        private long last;
        private boolean shown;

        ProgressLine(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void show(ImportProgress p) {
            long now = System.nanoTime();
            if (!enabled || now - last < 500_000_000L) {
                return;
            }
            last = now;
            shown = true;
            err.printf("\r  %,d rows  %3.0f%%  %,.0f rows/s  ETA %s   ", p.rowsDone(), p.fraction() * 100,
                    p.rowsPerSecond(), p.eta() == null ? "…" : human(p.eta()));
            err.flush();
        }

        void done() {
            if (shown) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }
}
