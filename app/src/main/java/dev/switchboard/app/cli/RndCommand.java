package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.dnc.DncInputException;
import dev.switchboard.engine.dnc.DncService;
import dev.switchboard.engine.users.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard rnd import}: Reassigned Numbers Database results. */
@Command(name = "rnd", mixinStandardHelpOptions = true,
        description = "Reassigned Numbers Database results (47 CFR §64.1200(m)): a marketing launch needs results no"
                + " older than the rule pack's limit (30 days).",
        subcommands = {RndCommand.Import.class})
final class RndCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports RND results: a CSV of phone number, the consent date queried, the result (yes,"
                    + " no, no data) and the data date (columns by header name, else in that order).",
                    "The latest answer per number counts: \"yes\" blocks voice and SMS to it for every purpose,"
                            + " \"no data\" what the rule pack says (default: blocks marketing). A bad row is named"
                            + " and nothing is written."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:imported", "2:bad --results-date", "3:the file cannot be used (the line and field are"
                    + " named)", "4:the store is held by another process", "7:not a compliance or admin profile,"
                    + " or a wrong password"})
    static final class Import extends ActingCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The RND results (CSV).")
        Path file;

        @Option(names = "--demo", description = "Import the shipped sample (" + DncCommand.RND_SAMPLE + ") instead"
                + " of a file.")
        boolean demo;

        @Option(names = "--results-date", paramLabel = "DATE", description = "When the results were obtained, e.g."
                + " 2026-06-01 (default: the newest data date in the file); their age counts from it.")
        String resultsDate;

        @Override
        String what() {
            return "rnd import";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            if ((file == null) == !demo) {
                throw new IllegalArgumentException("give a FILE or --demo (not both)");
            }
            java.time.LocalDate date = resultsDate == null ? null : DncCommand.date("--results-date", resultsDate);
            Path input = demo ? DncCommand.sample(DncCommand.RND_SAMPLE) : file;
            try {
                DncService.ImportReport r = workspace.dnc().importRnd(actor, input, date);
                return "Imported " + r.rows() + " RND answers (results of " + r.date() + ").";
            } catch (DncInputException e) {
                throw new DncCommand.InputProblem(e.getMessage());
            } finally {
                if (demo) {
                    Files.deleteIfExists(input);
                }
            }
        }
    }
}
