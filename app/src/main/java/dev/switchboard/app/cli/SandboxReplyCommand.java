package dev.switchboard.app.cli;

import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.engine.ipc.EngineApiException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard sandbox reply NUMBER TEXT}: a recipient answers the last text the sandbox carried to them. */
@Command(name = "reply", mixinStandardHelpOptions = true,
        description = {"Reply as a recipient of the running engine's sandbox org: the text arrives on the latest SMS"
                + " conversation with NUMBER, exactly as a person's reply would (STOP opts the number out at the"
                + " carrier and reaches the engine as an inbound message).",
                "Needs an engine running on this data folder with the built-in sandbox (switchboard engine)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:delivered to the sandbox", "2:nothing was texted to that number",
                "4:no engine with a sandbox runs on this data folder"})
final class SandboxReplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The recipient's number, e.g. +13175550123.")
    String number;

    @Parameters(index = "1", paramLabel = "TEXT", description = "What they reply, e.g. STOP, HELP, \"pls stop\".")
    String text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = SwitchboardCommand.dataDirOf(spec);
        Optional<EngineApiClient> client = EngineApiClient.connect(dataDir);
        if (client.isEmpty()) {
            err.println("switchboard sandbox reply: no engine runs on " + dataDir + "; start it with"
                    + " ./switchboard engine (it hosts the sandbox org)");
            return ExitCodes.STORE;
        }
        try (EngineApiClient c = client.get()) {
            var body = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                    .put("from", number).put("text", text);
            var answer = c.post("/sandbox/reply", body);
            out.println("Replied \"" + text + "\" as " + number + " on conversation "
                    + answer.path("conversationId").asString(""));
            return ExitCodes.OK;
        } catch (EngineApiException e) {
            err.println("switchboard sandbox reply: " + e.getMessage());
            return e.status() == 404 ? ExitCodes.STORE : ExitCodes.USAGE;
        }
    }
}
