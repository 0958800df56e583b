package dev.switchboard.app.cli;

import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchboard verdicts --list NAME}: every row's verdict of an import, as CSV. */
@Command(name = "verdicts", mixinStandardHelpOptions = true,
        description = {"Exports every row's verdict of a list's import as CSV:",
                "line, record, external_key, verdict (inserted/updated/unchanged/rejected), column, reason.",
                "Cells a spreadsheet would run as formulas are escaped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:no such list or import", "4:the store is held by another Switchboard process"})
final class VerdictsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwitchboardCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list.")
    String list;

    @Option(names = "--import", paramLabel = "ID", description = "The import (default: the list's last).")
    Long importId;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (default: standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = StoreAccess.err(spec);
        return StoreAccess.with(root.dataDir(), "verdicts", err, workspace -> {
            Optional<ListSummary> l = workspace.contacts().list(list);
            if (l.isEmpty()) {
                err.println("switchboard verdicts: no list named \"" + list + "\".");
                return ExitCodes.USAGE;
            }
            ImportRecord imp = StoreAccess.importOf(workspace, l.get(), importId);
            if (imp == null) {
                err.println("switchboard verdicts: list \"" + list + "\" has no such import.");
                return ExitCodes.USAGE;
            }
            if (output == null) {
                PrintWriter out = StoreAccess.out(spec);
                workspace.contacts().exportVerdicts(imp.id(), out);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    workspace.contacts().exportVerdicts(imp.id(), w);
                }
                err.println("Wrote the verdicts of import " + imp.id() + " to " + output);
            }
            return ExitCodes.OK;
        });
    }
}
