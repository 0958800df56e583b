package dev.switchboard.app.cli;

import dev.switchboard.engine.sequences.SequenceFiles;
import dev.switchboard.engine.templates.TemplateFile;
import dev.switchboard.model.contact.Channel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchboard sequence validate FILE}: a sequence file checked the way a supervisor needs it checked. */
@Command(name = "sequence", mixinStandardHelpOptions = true,
        description = "Works with channel sequences (JSON files; see resources/demo/sequences/README.md).",
        subcommands = {SequenceCommand.Validate.class, SequenceCommand.Import.class, SequenceCommand.Publish.class,
                SequenceCommand.ListSequences.class})
final class SequenceCommand {

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Stores a sequence file as a draft"
            + " (a new version when the newest is published).")
    static final class Import extends ActingCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        String what() {
            return "sequence import";
        }

        @Override
        String act(dev.switchboard.engine.Workspace w, dev.switchboard.engine.users.Actor actor)
                throws Exception {
            var s = w.sequences().importDraft(actor, SequenceFiles.read(file));
            return s.id() + " v" + s.version() + " stored as a draft";
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publishes a sequence's draft; a"
            + " published version never changes. Refused when the sequence does not validate.")
    static final class Publish extends ActingCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        String what() {
            return "sequence publish";
        }

        @Override
        String act(dev.switchboard.engine.Workspace w, dev.switchboard.engine.users.Actor actor)
                throws Exception {
            var s = w.sequences().publish(actor, id);
            return s.id() + " v" + s.version() + " published";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The stored sequences, newest versions.")
    static final class ListSequences implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "sequence list", spec.commandLine().getErr(),
                    workspace -> {
                        workspace.sequences().all().forEach(e -> spec.commandLine().getOut().printf(
                                "%-28s v%-3d %-9s author %s%s%n", e.key(), e.version(),
                                e.published() ? "published" : "draft", e.author(),
                                e.publishedBy() == null ? "" : ", published by " + e.publishedBy()));
                        return ExitCodes.OK;
                    });
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validates a sequence file: every path ends, every loop is bounded, every touch has a"
                    + " template of its channel, no unreachable step, no negative wait.",
                    "Template ids are looked up among the shipped demo templates."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:valid", "3:the file cannot be read", "6:the sequence has problems (each is printed)"})
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The sequence file.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(file)) {
                err.println("switchboard sequence validate: cannot read " + file);
                return ExitCodes.INPUT;
            }
            List<String> problems = SequenceFiles.validate(file, Validate::templateChannel);
            if (json) {
                ObjectNode o = Json.object();
                o.put("file", file.toString());
                o.put("valid", problems.isEmpty());
                ArrayNode a = o.putArray("problems");
                problems.forEach(a::add);
                out.println(Json.write(o));
            } else if (problems.isEmpty()) {
                out.println(file.getFileName() + ": valid");
            } else {
                out.println(file.getFileName() + ": " + problems.size() + " problem(s)");
                problems.forEach(p -> out.println("  " + p));
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }

        static Optional<Channel> templateChannel(String id) {
            try {
                return Optional.of(TemplateFile.demo(id).template().channel());
            } catch (TemplateFile.TemplateFileException e) {
                return Optional.empty();
            }
        }
    }
}
