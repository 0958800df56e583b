package dev.switchboard.app.cli;

import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.dnc.DncInputException;
import dev.switchboard.engine.dnc.DncService;
import dev.switchboard.engine.dnc.GenesysDnc;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard dnc sync|status|import-scrub}: Genesys DNC lists and the National DNC scrub. */
@Command(name = "dnc", mixinStandardHelpOptions = true,
        description = {"Do-not-call data: the org's Genesys DNC lists (synced into the suppressions; Switchboard's own"
                + " opt-out lists) and National DNC scrub results.",
                "A launch needs a complete sync of the Genesys DNC lists within 24 h; a marketing launch also a"
                        + " National DNC scrub no older than 31 days and RND results (switchboard rnd import)."},
        subcommands = {DncCommand.Sync.class, DncCommand.Status.class, DncCommand.ImportScrub.class})
final class DncCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The shipped sample of a National DNC scrub result. */
    static final String SCRUB_SAMPLE = "/demo/dnc/national-dnc-scrub-sample.csv";
    /** The shipped sample of RND results. */
    static final String RND_SAMPLE = "/demo/dnc/rnd-results-sample.csv";

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** A sync that cannot be made (no org to reach, or the store belongs to another org). */
    static final class NoOrgException extends Exception {
        NoOrgException(String message) {
            super(message);
        }
    }

    /**
     * Syncs with the engine's client when the command runs inside the engine (forwarded), else on the data folder's
     * sandbox org, started for the purpose, when the store is not bound to another org.
     */
    static GenesysDnc.SyncReport sync(Workspace workspace) throws NoOrgException {
        if (workspace.dnc().engineClientAtHand()) {
            return workspace.dnc().sync(() -> {
                throw new IllegalStateException("the engine's client is at hand");
            });
        }
        try (Sandbox sandbox = EngineHost.startSandbox(workspace.dataDir(), 0, 1.0)) {
            OrgConnection org = EngineHost.sandboxConnection(sandbox);
            Optional<String> bound = workspace.boundOrg();
            if (bound.isPresent() && !bound.get().equals(Engine.orgFactsOf(org).orgKey())) {
                throw new NoOrgException("the store belongs to " + bound.get() + ": start the engine on that org"
                        + " (switchboard engine --region … --client-id …) and run this again; it then runs inside"
                        + " the engine");
            }
            return workspace.dnc().sync(() -> org);
        }
    }

    /** Copies a shipped sample out of the resources into a temporary file. */
    static Path sample(String resource) throws IOException {
        Path tmp = Files.createTempFile("switchboard-sample-", ".csv");
        try (InputStream in = DncCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the shipped sample " + resource + " is missing from this build");
            }
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    static LocalDate date(String flag, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not a date like 2026-06-01");
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Exports every DNC list of the org and adds what they hold to the suppressions (unless"
                    + " already suppressed); confirms Switchboard's own pushes on the way.",
                    "Runs inside the engine when one runs; otherwise on the data folder's sandbox org."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:complete", "4:the store is held by another process and no engine answers",
                    "6:incomplete: a list could not be read, or no org could be reached (the message says why)"})
    static final class Sync implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "dnc sync", err, workspace -> {
                GenesysDnc.SyncReport r;
                try {
                    r = sync(workspace);
                } catch (NoOrgException | RuntimeException e) {
                    err.println("switchboard dnc sync: " + e.getMessage());
                    return ExitCodes.CHECK_FAILED;
                }
                if (json) {
                    out.println(Json.write(Json.MAPPER.valueToTree(r)));
                } else {
                    out.printf("%s sync of %d DNC lists: %d entries, %d suppressions added%s%n",
                            r.complete() ? "Complete" : "Incomplete", r.lists(), r.entries(), r.added(),
                            r.complete() ? "" : "; " + r.problem());
                }
                return r.complete() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Switchboard's own DNC lists and their ids, pushed addresses by state, the pending ones, the"
                    + " last sync of the org's lists, the last National DNC scrub and RND results.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "dnc status", spec.commandLine().getErr(),
                    workspace -> {
                        DncService.Status s = workspace.dnc().status();
                        if (json) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("ownLists", s.ownLists());
                            m.put("entries", s.entries());
                            m.put("pending", s.pending());
                            m.put("lastSync", s.lastSync().orElse(null));
                            m.put("lastCompleteSync", s.lastCompleteSync().orElse(null));
                            m.put("lastScrub", s.lastScrub().orElse(null));
                            m.put("lastRnd", s.lastRnd().orElse(null));
                            m.put("rndAnswers", s.rndAnswers());
                            m.put("policy", s.policy());
                            out.println(Json.write(Json.MAPPER.valueToTree(m)));
                            return ExitCodes.OK;
                        }
                        print(out, s);
                        return ExitCodes.OK;
                    });
        }

        private static void print(PrintWriter out, DncService.Status s) {
            out.println("Own Genesys DNC lists:");
            if (s.ownLists().isEmpty()) {
                out.println("  none yet (created at the first opt-out push)");
            }
            for (DncService.OwnList l : s.ownLists()) {
                out.printf("  %-6s %-32s %s (since %s)%n", l.contactMethod().toLowerCase(java.util.Locale.ROOT),
                        l.name(), l.listId(), l.createdAt());
            }
            out.println("Pushed addresses: " + (s.entries().isEmpty() ? "none" : s.entries()));
            for (DncService.Pushed e : s.pending()) {
                out.printf("  %-8s %s requested %s, pushed %d times%n", e.state(), e.address(),
                        e.requestedAt(), e.pushCount());
            }
            out.println("Last complete sync: " + s.lastCompleteSync().map(x -> x.startedAt() + " (" + x.lists()
                    + " lists, " + x.entries() + " entries, " + x.added() + " added)").orElse("never"));
            s.lastSync().filter(x -> x.problem() != null).ifPresent(x -> out.println("Last sync attempt "
                    + x.startedAt() + " was incomplete: " + x.problem()));
            out.println("National DNC scrub: " + s.lastScrub().map(x -> "scrubbed on " + x.scrubbedOn() + " ("
                    + x.numbers() + " numbers from " + x.fileName() + ", imported " + x.importedAt() + " by "
                    + x.importedBy() + ")").orElse("never imported"));
            out.println("RND results: " + s.lastRnd().map(x -> "of " + x.resultsDate() + " (" + x.rows()
                    + " answers from " + x.fileName() + ", imported " + x.importedAt() + " by " + x.importedBy()
                    + ")").orElse("never imported") + (s.rndAnswers().isEmpty() ? "" : "; answers kept "
                    + s.rndAnswers()));
            out.printf("Limits (rule pack): Genesys DNC sync %d h; National DNC scrub %d days and RND results %d days"
                            + " for marketing; RND \"no data\": %s%n", s.policy().genesysDncMaxAge().toHours(),
                    s.policy().nationalDncMaxAgeDays(), s.policy().rndMaxAgeDays(), s.policy().rndNoData());
        }
    }

    @Command(name = "import-scrub", mixinStandardHelpOptions = true,
            description = {"Imports a National DNC scrub result: a CSV of the phone numbers found on the registry"
                    + " (one column, or a column named phone/number; a header row is recognized).",
                    "Each number becomes a DNC suppression on voice and SMS that never expires (source \"national"
                            + " dnc scrub DATE\"); the scrub date is recorded. A bad row is named and nothing is"
                            + " written."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:imported", "2:bad or missing --scrubbed-on", "3:the file cannot be used (the line and"
                    + " field are named)", "4:the store is held by another process", "7:not a compliance or admin"
                    + " profile, or a wrong password"})
    static final class ImportScrub extends ActingCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The scrub result (CSV).")
        Path file;

        @Option(names = "--demo", description = "Import the shipped sample (" + SCRUB_SAMPLE + ") instead of a"
                + " file.")
        boolean demo;

        @Option(names = "--scrubbed-on", required = true, paramLabel = "DATE",
                description = "The date of the registry copy the numbers were scrubbed against, e.g. 2026-06-01.")
        String scrubbedOn;

        @Override
        String what() {
            return "dnc import-scrub";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            if ((file == null) == !demo) {
                throw new IllegalArgumentException("give a FILE or --demo (not both)");
            }
            LocalDate on = date("--scrubbed-on", scrubbedOn);
            Path input = demo ? sample(SCRUB_SAMPLE) : file;
            try {
                DncService.ImportReport r = workspace.dnc().importScrub(actor, input, on);
                return "Imported the National DNC scrub of " + r.date() + ": " + r.rows() + " numbers, "
                        + r.suppressionsAdded() + " suppressions added (voice and SMS).";
            } catch (DncInputException e) {
                throw new InputProblem(e.getMessage());
            } finally {
                if (demo) {
                    Files.deleteIfExists(input);
                }
            }
        }
    }

    /** An unusable file: exit code 3 (ActingCommand maps other runtime exceptions to it). */
    static final class InputProblem extends RuntimeException {
        InputProblem(String message) {
            super(message);
        }
    }
}
