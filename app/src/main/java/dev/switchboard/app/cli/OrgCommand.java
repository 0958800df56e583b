package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.genesys.OrgSettings;
import dev.switchboard.engine.secrets.SecretVault;
import dev.switchboard.engine.users.Actor;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code switchboard org connect|status|disconnect|test}: the Genesys Cloud org of the data folder. */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = {"The Genesys Cloud org this data folder works with. 'engine' and 'send-test' use it when given"
                + " no org flags; with none connected they use the sandbox.",
                "The client secret comes from $" + SendTestCommand.SECRET_ENV + " or standard input (never a flag)"
                        + " and is kept in the data folder's vault only (see 'switchboard vault')."},
        subcommands = {OrgCommand.Connect.class, OrgCommand.Status.class, OrgCommand.Disconnect.class,
                OrgCommand.Test.class})
final class OrgCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = {"Connects the data folder to a Genesys Cloud org (an admin; audited). Replaces a previous"
                    + " connection.",
                    "The client secret: $" + SendTestCommand.SECRET_ENV + ", else typed, else the line of standard"
                            + " input after the --as password."})
    static final class Connect extends ActingCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        static final class Where {
            @Option(names = "--region", paramLabel = "NAME", description = "The org's region, e.g. us_east_1.")
            String region;

            @Option(names = "--api-url", paramLabel = "URL", description = "Explicit API base URL (with"
                    + " --login-url).")
            URI apiUrl;
        }

        @Option(names = "--login-url", paramLabel = "URL", description = "Explicit login base URL (with --api-url).")
        URI loginUrl;

        @Option(names = "--client-id", required = true, paramLabel = "ID", description = "OAuth client id (client"
                + " credentials grant).")
        String clientId;

        @Override
        String what() {
            return "org connect";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            if (where.apiUrl != null && loginUrl == null) {
                throw new IllegalArgumentException("--api-url needs --login-url too.");
            }
            if (where.region != null && loginUrl != null) {
                throw new IllegalArgumentException("--login-url goes with --api-url, not --region.");
            }
            OrgSettings settings = new OrgSettings(where.region, where.apiUrl, loginUrl, clientId, null, null);
            char[] secret = Passwords.clientSecret();
            try {
                if (secret.length == 0) {
                    throw new IllegalArgumentException("No client secret: set $" + SendTestCommand.SECRET_ENV
                            + " or pipe it on standard input.");
                }
                workspace.connectOrg(actor, settings, secret, Instant.now());
            } finally {
                Arrays.fill(secret, '\0');
            }
            return "Connected to the Genesys org " + settings.where() + " as client " + clientId + ". The secret is"
                    + " in " + workspace.vault().describe() + "; 'switchboard org test' checks it. 'engine' and"
                    + " 'send-test' use this org from now on (a running engine after its restart).";
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true,
            description = "Forgets the connected org and deletes its client secret from the vault (an admin;"
                    + " audited). The engine then uses the sandbox again.")
    static final class Disconnect extends ActingCommand {
        @Override
        String what() {
            return "org disconnect";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            return workspace.disconnectOrg(actor, Instant.now())
                    ? "Disconnected: the org's settings and its client secret are deleted."
                    : "No org was connected.";
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The connected org (no secrets).")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = StoreAccess.out(spec);
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "org status", StoreAccess.err(spec), ws -> {
                Optional<OrgSettings> s = ws.orgSettings();
                if (s.isEmpty()) {
                    out.println("No org connected: the engine and send-test use the sandbox. Connect one with"
                            + " 'switchboard org connect --region NAME --client-id ID --as ADMIN'.");
                    return ExitCodes.OK;
                }
                OrgSettings o = s.get();
                boolean secret = ws.vault().get(SecretVault.GENESYS_CLIENT_SECRET).isPresent();
                out.printf("Org       %s%n", o.where());
                out.printf("API       %s%n", o.apiUrl());
                out.printf("Login     %s%n", o.loginUrl());
                out.printf("Client id %s%n", o.clientId());
                out.printf("Secret    %s%n", secret ? "in " + ws.vault().describe()
                        : "MISSING from " + ws.vault().describe() + ": run 'org connect' again");
                if (o.connectedAt() != null) {
                    out.printf("Connected %s by %s%n", o.connectedAt(), o.connectedBy());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Gets a token for the connected org (kept in memory only) and reads its API rate limit.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the org answered", "1:it did not (the message says why)", "2:no org connected"})
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = StoreAccess.out(spec);
            PrintWriter err = StoreAccess.err(spec);
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "org test", err, ws -> {
                Optional<OrgConnection> org;
                try {
                    org = ws.storedOrg();
                } catch (IllegalStateException e) {
                    err.println("switchboard org test: " + e.getMessage());
                    return ExitCodes.INTERNAL;
                }
                if (org.isEmpty()) {
                    err.println("switchboard org test: no org connected ('switchboard org connect').");
                    return ExitCodes.USAGE;
                }
                try {
                    OptionalLong limit = org.get().check().rateLimitPerMinute();
                    out.printf("Token: ok (client credentials accepted by %s)%n", org.get().apiBase());
                    out.printf("API rate limit: %s%n", limit.isPresent() ? limit.getAsLong() + " requests/minute"
                            : "not reported");
                    return ExitCodes.OK;
                } catch (RuntimeException e) {
                    err.println("switchboard org test: the org did not answer as expected: " + e.getMessage());
                    return ExitCodes.INTERNAL;
                } finally {
                    org.get().destroy();
                }
            });
        }
    }
}
