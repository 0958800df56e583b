package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.contacts.ContactFilter;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import dev.switchboard.model.contact.Phone;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code switchboard contacts --list NAME}: a page of a list's contacts, or of its last import's rejections. */
@Command(name = "contacts", mixinStandardHelpOptions = true,
        description = "Shows a page of a list's contacts, or the rows its last import rejected.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:wrong flag, or no such list", "4:the store is held by another Switchboard process"})
final class ContactsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwitchboardCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list.")
    String list;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Start of key, name or email; or phone digits.")
    String filter;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number, from 1.")
    int page;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "50", description = "Rows per page (1-1000).")
    int pageSize;

    @Option(names = "--rejected", description = "Rows the last import rejected, with line, column and reason.")
    boolean rejected;

    @Option(names = "--warnings", description = "With the rejected rows, values dropped from accepted rows.")
    boolean warnings;

    @Option(names = "--import", paramLabel = "ID", description = "With --rejected: this import, not the last.")
    Long importId;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = StoreAccess.out(spec);
        PrintWriter err = StoreAccess.err(spec);
        if (page < 1 || pageSize < 1 || pageSize > 1000) {
            err.println("switchboard contacts: --page must be 1 or more and --page-size 1 to 1000.");
            return ExitCodes.USAGE;
        }
        return StoreAccess.with(root.dataDir(), "contacts", err, workspace -> {
            Optional<ListSummary> l = workspace.contacts().list(list);
            if (l.isEmpty()) {
                err.println("switchboard contacts: no list named \"" + list + "\" (see: switchboard lists).");
                return ExitCodes.USAGE;
            }
            long offset = (long) (page - 1) * pageSize;
            return rejected || warnings ? issues(workspace, l.get(), offset, out, err)
                    : contacts(workspace, l.get(), offset, out);
        });
    }

    private int contacts(Workspace workspace, ListSummary l, long offset, PrintWriter out) {
        ContactFilter f = new ContactFilter(filter);
        long total = workspace.contacts().countContacts(l.list().id(), f);
        List<Contact> rows = workspace.contacts().contacts(l.list().id(), f, offset, pageSize);
        if (json) {
            ObjectNode o = pageJson(l, total);
            ArrayNode a = o.putArray("contacts");
            for (Contact c : rows) {
                ContactDraft d = c.data();
                ObjectNode n = a.addObject();
                n.put("id", c.id());
                n.put("external_key", d.externalKey());
                n.put("first_name", d.firstName());
                n.put("last_name", d.lastName());
                n.put("email", d.email());
                ArrayNode phones = n.putArray("phones");
                for (Phone p : d.phones()) {
                    phones.addObject().put("e164", p.e164()).put("type", p.type().name().toLowerCase(Locale.ROOT))
                            .put("raw", p.raw());
                }
                ArrayNode zones = n.putArray("time_zones");
                d.timeZones().candidates().forEach(z -> zones.add(z.getId()));
                n.put("time_zone_source", d.timeZones().source().name().toLowerCase(Locale.ROOT));
                n.put("time_zone_flag", d.timeZones().flag() == null ? null
                        : d.timeZones().flag().toLowerCase(Locale.ROOT));
                n.put("jurisdiction", d.jurisdiction() == null ? null : d.jurisdiction().code());
                ObjectNode attrs = n.putObject("attributes");
                d.attributes().forEach(attrs::put);
            }
            out.println(Json.write(o));
        } else {
            out.printf("%s: contacts %,d-%,d of %,d%n", l.list().name(), rows.isEmpty() ? 0 : offset + 1,
                    offset + rows.size(), total);
            out.printf("%-16s %-24s %-34s %-30s %s%n", "KEY", "NAME", "PHONES", "EMAIL", "TIME ZONE");
            for (Contact c : rows) {
                ContactDraft d = c.data();
                String phones = d.phones().stream()
                        .map(p -> p.e164() + " " + p.type().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
                String zones = d.timeZones().missing() ? "missing"
                        : d.timeZones().candidates().get(0).getId() + (d.timeZones().ambiguous() ? " (+"
                        + (d.timeZones().candidates().size() - 1) + ", ambiguous)" : "");
                out.printf("%-16s %-24s %-34s %-30s %s%n", cut(d.externalKey(), 16), cut(d.displayName(), 24),
                        cut(phones, 34), cut(d.email() == null ? "" : d.email(), 30), zones);
            }
        }
        return ExitCodes.OK;
    }

    private int issues(Workspace workspace, ListSummary l, long offset, PrintWriter out, PrintWriter err) {
        ImportRecord imp = StoreAccess.importOf(workspace, l, importId);
        if (imp == null) {
            err.println("switchboard contacts: " + (importId == null ? "the list has no import yet."
                    : "list \"" + list + "\" has no import " + importId + "."));
            return ExitCodes.USAGE;
        }
        boolean rejectedOnly = !warnings;
        long total = workspace.contacts().countIssues(imp.id(), rejectedOnly);
        List<ImportIssue> rows = workspace.contacts().issues(imp.id(), rejectedOnly, offset, pageSize);
        if (json) {
            ObjectNode o = pageJson(l, total);
            o.put("import_id", imp.id());
            o.put("file", imp.fileName());
            ArrayNode a = o.putArray(rejectedOnly ? "rejections" : "issues");
            for (ImportIssue i : rows) {
                a.addObject()
                        .put("line", i.lineNo())
                        .put("record", i.recordNo())
                        .put("severity", i.issue().severity().name().toLowerCase(Locale.ROOT))
                        .put("external_key", i.externalKey())
                        .put("column", i.issue().column())
                        .put("value", i.issue().value())
                        .put("reason", i.issue().reason());
            }
            out.println(Json.write(o));
        } else {
            out.printf("%s, import %d of %s: %s %,d-%,d of %,d%n", l.list().name(), imp.id(), imp.fileName(),
                    rejectedOnly ? "rejected rows" : "issues", rows.isEmpty() ? 0 : offset + 1,
                    offset + rows.size(), total);
            for (ImportIssue i : rows) {
                out.printf("  line %-6d %-8s %-14s %s%n", i.lineNo(),
                        i.issue().severity().name().toLowerCase(Locale.ROOT),
                        i.externalKey() == null ? "" : cut(i.externalKey(), 14), ImportCommand.describe(i));
            }
        }
        return ExitCodes.OK;
    }

    private ObjectNode pageJson(ListSummary l, long total) {
        ObjectNode o = Json.object();
        o.put("list", l.list().name());
        o.put("list_id", l.list().id());
        o.put("total", total);
        o.put("page", page);
        o.put("page_size", pageSize);
        return o;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
