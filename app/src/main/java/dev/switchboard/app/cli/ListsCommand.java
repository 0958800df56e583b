package dev.switchboard.app.cli;

import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code switchboard lists}: the contact lists with their sizes and last imports. */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Shows the contact lists.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "4:the store is held by another Switchboard process"})
final class ListsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwitchboardCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = StoreAccess.out(spec);
        return StoreAccess.with(root.dataDir(), "lists", StoreAccess.err(spec), workspace -> {
            List<ListSummary> lists = workspace.contacts().lists();
            if (json) {
                ArrayNode a = Json.array();
                for (ListSummary l : lists) {
                    ObjectNode o = a.addObject();
                    o.put("id", l.list().id());
                    o.put("name", l.list().name());
                    o.put("region", l.list().defaultRegion());
                    o.put("contacts", l.contacts());
                    o.put("created_at", l.list().createdAt().toString());
                    if (l.lastImport() != null) {
                        ImportRecord i = l.lastImport();
                        o.putObject("last_import")
                                .put("id", i.id())
                                .put("file", i.fileName())
                                .put("state", i.state().name().toLowerCase(Locale.ROOT))
                                .put("started_at", i.startedAt().toString())
                                .put("inserted", i.inserted())
                                .put("updated", i.updated())
                                .put("unchanged", i.unchanged())
                                .put("rejected", i.rejected());
                    }
                }
                out.println(Json.write(a));
            } else if (lists.isEmpty()) {
                out.println("No lists yet. Import one: switchboard import contacts.csv --list NAME");
            } else {
                out.printf("%-30s %-6s %12s  %s%n", "LIST", "REGION", "CONTACTS", "LAST IMPORT");
                for (ListSummary l : lists) {
                    ImportRecord i = l.lastImport();
                    out.printf("%-30s %-6s %,12d  %s%n", l.list().name(), l.list().defaultRegion(), l.contacts(),
                            i == null ? "" : i.fileName() + " (" + i.state().name().toLowerCase(Locale.ROOT)
                                    + ", " + i.rejected() + " rejected)");
                }
            }
            return ExitCodes.OK;
        });
    }
}
