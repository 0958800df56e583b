package dev.switchboard.app.cli;

import dev.switchboard.app.console.ConsoleApp;
import dev.switchboard.engine.DataFolder;
import dev.switchboard.model.redact.LogMask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The root of the command line: {@code switchboard [--data-dir DIR] [COMMAND]}; no command opens the console. */
@Command(name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Outbound campaigns on Genesys Cloud: voice, SMS and email, compliant by construction.",
                "Without a command, opens the console."},
        subcommands = {ImportCommand.class, ListsCommand.class, ContactsCommand.class, VerdictsCommand.class,
                TemplateCommand.class, SequenceCommand.class, ExplainCommand.class, UserCommand.class,
                AuditCommand.class, BackupCommand.class, RestoreCommand.class, SuppressCommand.class, DncCommand.class, RndCommand.class, SenderCommand.class,
                SandboxCommand.class, SendTestCommand.class, BenchImportCommand.class,
                BenchEngineCommand.class, BenchBroadcastCommand.class, BenchForecastCommand.class, BenchConsoleCommand.class,
                BenchStartupCommand.class, EngineCommand.class,
                CampaignCommand.class,
                OperatorCommands.KillSwitch.class,
                OperatorCommands.Contact.class, OperatorCommands.Queue.class, OperatorCommands.EvidenceCommand.class,
                IntakeCommand.class, OrgCommand.class, VaultCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INTERNAL)
public final class SwitchboardCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (default: $SWITCHBOARD_HOME, else the platform's application data folder).")
    Path dataDir;

    Path dataDir() {
        return dataDir != null ? dataDir.toAbsolutePath() : DataFolder.resolve();
    }

    /** The data folder for any (sub)command: walks up to the root command. */
    static Path dataDirOf(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.CommandSpec s = spec;
        while (s.parent() != null) {
            s = s.parent();
        }
        return ((SwitchboardCommand) s.userObject()).dataDir();
    }

    /** Opens the console; returns when its window has closed. */
    @Override
    public Integer call() {
        ConsoleApp.launch(dataDir(), new String[0]);
        return ExitCodes.OK;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SwitchboardCommand.class);

    /** The message of an unexpected error for the user: masked, one line, with its root cause when that differs. */
    static String unexpected(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        return LogMask.line(message);
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** The command line being run on this thread: a command that finds the store held by the engine forwards it. */
    record Invocation(String[] args, PrintWriter out, PrintWriter err) {
    }

    static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    /** Runs a command line with its output and errors going to the given writers (tests capture them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, null, args);
    }

    /**
     * Runs a command line forwarded by another process to the engine: relative paths resolve against that process's
     * working folder {@code cwd}.
     */
    static int execute(PrintWriter out, PrintWriter err, Path cwd, String... args) {
        dev.switchboard.engine.secrets.Vaults.setPassphrasePrompt(Passwords::vaultPassphrase);
        CommandLine cli = new CommandLine(new SwitchboardCommand());
        if (cwd != null) {
            cli.registerConverter(Path.class, s -> cwd.resolve(s));
        }
        Invocation previous = CURRENT.get();
        CURRENT.set(new Invocation(args.clone(), out, err));
        try {
            return run(cli, out, err, args);
        } finally {
            CURRENT.set(previous);
        }
    }

    private static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        // an unexpected error: its message (and its causes') masked like the log's, on one line; the stack trace
        // goes to the log at DEBUG, masked the same way
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("switchboard: " + unexpected(e));
            LOG.debug("unexpected error", e);
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
