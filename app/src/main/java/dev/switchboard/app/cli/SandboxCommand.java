package dev.switchboard.app.cli;

import dev.switchboard.sandbox.SandboxMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard sandbox}: a simulated Genesys Cloud org on loopback, standalone. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, subcommands = SandboxReplyCommand.class,
        description = {"Runs the sandbox org: a simulated Genesys Cloud org on a loopback port (HTTP + WebSocket),"
                + " with a seeded world of customers. Prints its base URLs and client credentials; Ctrl+C stops it.",
                "Its org state is kept in its own file (default: <data folder>/sandbox/org.json) and survives"
                        + " restarts, like a real org."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:wrong flag or value"})
final class SandboxCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwitchboardCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8780", description = "Loopback port (default 8780;"
            + " 0 picks a free one).")
    int port;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "World seed (default 1): every"
            + " address behaves the same for the same seed.")
    long seed;

    @Option(names = "--state", paramLabel = "FILE", description = "Org state file.")
    Path state;

    @Option(names = "--rpm", paramLabel = "N", description = "Request budget per client per minute (default 300).")
    Integer rpm;

    @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "OAuth token lifetime.")
    Integer tokenLifetime;

    @Option(names = "--speed", paramLabel = "X", description = "Virtual clock speed (default 1 = real time).")
    Double speed;

    @Option(names = "--webhook", paramLabel = "URL", description = "Where the email provider posts bounces and"
            + " unsubscribes.")
    String webhook;

    @CommandLine.Unmatched
    List<String> extra = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--seed", Long.toString(seed),
                "--state", (state != null ? state : root.dataDir().resolve("sandbox").resolve("org.json")).toString()));
        if (rpm != null) {
            args.addAll(List.of("--rpm", rpm.toString()));
        }
        if (tokenLifetime != null) {
            args.addAll(List.of("--token-lifetime", tokenLifetime.toString()));
        }
        if (speed != null) {
            args.addAll(List.of("--speed", speed.toString()));
        }
        if (webhook != null) {
            args.addAll(List.of("--webhook", webhook));
        }
        args.addAll(extra);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = SandboxMain.run(args.toArray(String[]::new), out);
        return code == 2 ? ExitCodes.USAGE : code;
    }
}
