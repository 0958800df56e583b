package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.templates.ContactVariables;
import dev.switchboard.engine.templates.TemplateFile;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ListSummary;
import dev.switchboard.model.template.Finding;
import dev.switchboard.model.template.RenderCoverage;
import dev.switchboard.model.template.Rendered;
import dev.switchboard.model.template.TemplateLint;
import dev.switchboard.model.template.TemplateRenderException;
import dev.switchboard.model.template.TemplateRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code switchboard template lint|render}: a template file checked and rendered against a list's contacts. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Checks and renders message templates ({{variable}} bodies) against a list's contacts.",
        subcommands = {TemplateCommand.Lint.class, TemplateCommand.Render.class, TemplateCommand.Import.class,
                TemplateCommand.Submit.class, TemplateCommand.Approve.class, TemplateCommand.Reject.class,
                TemplateCommand.ListTemplates.class})
final class TemplateCommand {

    static String describe(dev.switchboard.model.template.TemplateVersion v) {
        return String.format("%s v%d is %s (content hash %s…)", v.template().id(), v.template().version(),
                v.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                v.template().contentHash().substring(0, 12));
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Stores a template file (or a shipped"
            + " demo template by id) as a draft; a new version when the template exists.")
    static final class Import extends ActingCommand {
        @Parameters(index = "0", paramLabel = "TEMPLATE")
        String template;

        @Override
        String what() {
            return "template import";
        }

        @Override
        String act(Workspace w, dev.switchboard.engine.users.Actor actor) throws Exception {
            Path p = Path.of(template);
            return describe(w.templates().importFile(actor, Files.exists(p) ? TemplateFile.read(p)
                    : TemplateFile.demo(template)));
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Sends a draft for review (its author).")
    static final class Submit extends ActingCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        String what() {
            return "template submit";
        }

        @Override
        String act(Workspace w, dev.switchboard.engine.users.Actor actor) throws Exception {
            return describe(w.templates().submit(actor, id));
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approves a template in review: a"
            + " compliance or admin profile other than its author; the approval binds to the content hash.")
    static final class Approve extends ActingCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        String what() {
            return "template approve";
        }

        @Override
        String act(Workspace w, dev.switchboard.engine.users.Actor actor) throws Exception {
            return describe(w.templates().approve(actor, id));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Rejects a template in review, with"
            + " a reason.")
    static final class Reject extends ActingCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        String what() {
            return "template reject";
        }

        @Override
        String act(Workspace w, dev.switchboard.engine.users.Actor actor) throws Exception {
            return describe(w.templates().reject(actor, id, reason));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The stored templates, newest versions.")
    static final class ListTemplates implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "template list", spec.commandLine().getErr(),
                    workspace -> {
                        workspace.templates().all().forEach(s -> spec.commandLine().getOut().printf(
                                "%-24s v%-3d %-6s %-12s %-10s author %s%s%n", s.version().template().id(),
                                s.version().template().version(), s.version().template().channel(),
                                s.purpose(), s.version().state(), s.version().author(),
                                s.version().approver() == null ? "" : ", reviewer " + s.version().approver()));
                        return ExitCodes.OK;
                    });
        }
    }

    /** Options both subcommands share. */
    static class Common {
        @CommandLine.ParentCommand
        TemplateCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TEMPLATE", description = "A template file (switchboard-template/1),"
                + " or the id of a shipped demo template (e.g. offer-email).")
        String template;

        @Option(names = "--list", paramLabel = "NAME", description = "The list whose contacts supply the variables.")
        String list;

        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A campaign value, e.g. --set"
                + " company_name=Acme. Repeatable.")
        Map<String, String> values = new LinkedHashMap<>();

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        TemplateFile load() throws TemplateFile.TemplateFileException {
            Path p = Path.of(template);
            return Files.exists(p) ? TemplateFile.read(p) : TemplateFile.demo(template);
        }

        Path dataDir() {
            return SwitchboardCommand.dataDirOf(spec);
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = {"Lints a template: unknown variables, PII-looking placeholders, SMS encoding and segments,"
                    + " the 765-character cap, opt-out wording (marketing SMS), unsubscribe (marketing email).",
                    "With --list, also counts the contacts that would fail to render, and on which variable."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no errors (warnings may be printed)", "3:the template file cannot be used",
                    "4:the store is held by another Switchboard process", "6:lint found errors"})
    static final class Lint extends Common implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--segments", paramLabel = "N", defaultValue = "3", description = "SMS segment budget"
                + " (default 3).")
        int segments;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TemplateFile t;
            try {
                t = load();
            } catch (TemplateFile.TemplateFileException e) {
                err.println("switchboard template lint: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            if (list == null) {
                List<Finding> findings = new TemplateLint(
                        new java.util.LinkedHashSet<>(values.keySet().isEmpty() ? t.declaredVariables()
                                : union(t.declaredVariables(), values.keySet())), t.purpose(), segments)
                        .lint(t.template());
                print(out, t, findings, null, null);
                return hasErrors(findings) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
            }
            return StoreAccess.with(dataDir(), "template lint", err, workspace -> {
                Optional<ListSummary> l = workspace.contacts().list(list);
                if (l.isEmpty()) {
                    err.println("switchboard template lint: no list named \"" + list + "\".");
                    return ExitCodes.USAGE;
                }
                List<Finding> findings = new TemplateLint(
                        ContactVariables.columns(l.get().list().mapping(), values.keySet()), t.purpose(), segments)
                        .lint(t.template());
                RenderCoverage coverage = RenderCoverage.measure(t.template(), rows(workspace, l.get(), values),
                        row -> row.get("external_key"), RenderCoverage.DEFAULT_EXAMPLES);
                print(out, t, findings, l.get(), coverage);
                return hasErrors(findings) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
            });
        }

        private void print(PrintWriter out, TemplateFile t, List<Finding> findings, ListSummary l,
                           RenderCoverage coverage) {
            if (json) {
                ObjectNode o = Json.object();
                o.put("template", t.template().id());
                o.put("channel", t.template().channel().name().toLowerCase(java.util.Locale.ROOT));
                o.put("purpose", t.purpose().name().toLowerCase(java.util.Locale.ROOT));
                o.put("content_hash", t.template().contentHash());
                ArrayNode a = o.putArray("findings");
                findings.forEach(f -> a.addObject().put("severity", f.severity().name().toLowerCase(
                        java.util.Locale.ROOT)).put("code", f.code()).put("message", f.message()));
                if (coverage != null) {
                    ObjectNode c = o.putObject("coverage");
                    c.put("list", l.list().name());
                    c.put("contacts", coverage.contacts());
                    c.put("rendering", coverage.rendering());
                    c.put("failing", coverage.failing());
                    ArrayNode vars = c.putArray("by_variable");
                    coverage.byVariable().values().forEach(v -> {
                        ObjectNode n = vars.addObject().put("variable", v.variable()).put("failing", v.failing());
                        ArrayNode ex = n.putArray("examples");
                        v.examples().forEach(ex::add);
                    });
                }
                out.println(Json.write(o));
                return;
            }
            out.printf("%s (%s, %s) v%d, content hash %s…%n", t.template().id(), t.template().channel(),
                    t.purpose(), t.template().version(), t.template().contentHash().substring(0, 12));
            if (findings.isEmpty()) {
                out.println("  no findings");
            }
            findings.forEach(f -> out.printf("  %-7s %-20s %s%n", f.severity(), f.code(), f.message()));
            if (coverage != null) {
                out.printf("List \"%s\": %,d contacts, %,d would render, %,d would fail%n", l.list().name(),
                        coverage.contacts(), coverage.rendering(), coverage.failing());
                coverage.byVariable().values().forEach(v -> out.printf("  {{%s}} fails on %,d (e.g. %s)%n",
                        v.variable(), v.failing(), String.join(", ", v.examples())));
            }
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Renders a template for one contact of a list (default: the list's first contact).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:rendered", "2:no such list or contact", "3:the template file cannot be used",
                    "4:the store is held by another Switchboard process", "6:the template does not render for"
                    + " this contact (the message names the variables)"})
    static final class Render extends Common implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--contact", paramLabel = "KEY", description = "The contact's external key.")
        String contact;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TemplateFile t;
            try {
                t = load();
            } catch (TemplateFile.TemplateFileException e) {
                err.println("switchboard template render: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            if (list == null) {
                err.println("switchboard template render: name the list whose contact to render for (--list).");
                return ExitCodes.USAGE;
            }
            return StoreAccess.with(dataDir(), "template render", err, workspace -> {
                Optional<ListSummary> l = workspace.contacts().list(list);
                if (l.isEmpty()) {
                    err.println("switchboard template render: no list named \"" + list + "\".");
                    return ExitCodes.USAGE;
                }
                long id = l.get().list().id();
                List<Contact> found = contact == null ? workspace.contacts().contactsAfter(id, 0, 1)
                        : workspace.contacts().contacts(id, new dev.switchboard.engine.contacts.ContactFilter(contact),
                        0, 50).stream().filter(c -> c.data().externalKey().equals(contact)).toList();
                if (found.isEmpty()) {
                    err.println("switchboard template render: list \"" + list + "\" has no contact "
                            + (contact == null ? "at all." : "with key " + contact + "."));
                    return ExitCodes.USAGE;
                }
                Contact c = found.getFirst();
                try {
                    Rendered r = new TemplateRenderer(t.template()).render(ContactVariables.of(c.data(), values));
                    print(out, t, c, r);
                    return ExitCodes.OK;
                } catch (TemplateRenderException e) {
                    err.println("switchboard template render: " + t.template().id() + " does not render for "
                            + c.data().externalKey() + ": " + e.getMessage());
                    return ExitCodes.CHECK_FAILED;
                }
            });
        }

        private void print(PrintWriter out, TemplateFile t, Contact c, Rendered r) {
            if (json) {
                ObjectNode o = Json.object();
                o.put("template", t.template().id());
                o.put("contact", c.data().externalKey());
                o.put("subject", r.subject());
                o.put("text", r.text());
                o.put("html", r.html());
                if (r.sms() != null) {
                    o.putObject("sms").put("encoding", r.sms().encoding().name())
                            .put("units", r.sms().units()).put("segments", r.sms().segments());
                }
                o.put("content_hash", r.contentHash());
                out.println(Json.write(o));
                return;
            }
            out.printf("%s for %s (%s)%n", t.template().id(), c.data().externalKey(), c.data().displayName());
            if (r.subject() != null) {
                out.println("Subject: " + r.subject());
            }
            out.println(r.text());
            if (r.sms() != null) {
                out.printf("[%s, %d units, %d segment(s)]%n", r.sms().encoding(), r.sms().units(),
                        r.sms().segments());
            }
        }
    }

    static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** The list's contacts as variable maps, read a page at a time. */
    static Iterable<Map<String, String>> rows(Workspace workspace, ListSummary l, Map<String, String> extra) {
        return ContactVariables.ofList(workspace.contacts(), l.list().id(), extra, 1000, read -> { });
    }
}
