package dev.switchboard.app.cli;

import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.genesys.SendProbe;
import dev.switchboard.sandbox.SandboxCredentials;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code switchboard send-test}: one SMS and one email through the real client, to the sandbox or a real org. */
@Command(name = "send-test", mixinStandardHelpOptions = true,
        description = {"Sends one agentless SMS and one agentless email through the Genesys client and prints their"
                + " message and conversation ids.",
                "Target: the org connected with 'switchboard org connect', else a sandbox started with"
                        + " 'switchboard sandbox' (the default: --sandbox-port 8780, --seed 1), or a real org by --region (or --api-url and --login-url) with --client-id; the client"
                        + " secret comes from $GENESYS_CLIENT_SECRET or standard input, never from a flag."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:both sent", "1:a send failed (the message says why)", "2:wrong flag or value"})
final class SendTestCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SendTestCommand.class);

    static final String SECRET_ENV = "GENESYS_CLIENT_SECRET";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--sandbox-port", paramLabel = "PORT", description = "A sandbox on 127.0.0.1:PORT"
                + " (default 8780).")
        Integer sandboxPort;

        @Option(names = "--region", paramLabel = "NAME", description = "A real org's region, e.g. us_east_1.")
        String region;

        @Option(names = "--api-url", paramLabel = "URL", description = "Explicit API base URL (with --login-url).")
        URI apiUrl;
    }

    @Option(names = "--login-url", paramLabel = "URL", description = "Explicit login base URL (token at"
            + " URL/oauth/token).")
    URI loginUrl;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The sandbox's seed (default 1).")
    long seed;

    @Option(names = "--client-id", paramLabel = "ID", description = "OAuth client id (real orgs).")
    String clientId;

    @Option(names = "--to-number", paramLabel = "E164", defaultValue = "+13177342671",
            description = "SMS recipient (default +13177342671, a sandbox customer).")
    String toNumber;

    @Option(names = "--to-email", paramLabel = "ADDRESS", defaultValue = "customer@example.com",
            description = "Email recipient (default customer@example.com).")
    String toEmail;

    @Option(names = "--from-number", paramLabel = "E164", description = "SMS sender (default: the org's first SMS"
            + " number).")
    String fromNumber;

    @Option(names = "--from-email", paramLabel = "ADDRESS", defaultValue = "campaigns@example.com",
            description = "Email sender, on one of the org's outbound domains.")
    String fromEmail;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = StoreAccess.out(spec);
        PrintWriter err = StoreAccess.err(spec);
        OrgConnection org;
        try {
            org = connection(err);
        } catch (IllegalArgumentException e) {
            err.println("switchboard send-test: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (org == null) {
            return ExitCodes.USAGE;
        }
        // the log's redaction masks both addresses (the command's output shows them: the user typed them)
        LOG.debug("send-test: SMS to {} and email to {} through {}", toNumber, toEmail, org.apiBase());
        try {
            SendProbe.Result r = SendProbe.run(org, new SendProbe.Request(toNumber, toEmail, fromNumber, fromEmail));
            if (json) {
                ObjectNode o = Json.object();
                o.put("org", org.apiBase().toString());
                o.putObject("sms").put("from", r.smsFrom()).put("to", toNumber)
                        .put("message_id", r.sms().messageId()).put("conversation_id", r.sms().conversationId());
                o.putObject("email").put("from", fromEmail).put("to", toEmail)
                        .put("message_id", r.email().messageId()).put("conversation_id", r.email().conversationId());
                out.println(Json.write(o));
            } else {
                out.printf("Sent through %s%n", org.apiBase());
                out.printf("  SMS   %s -> %s  message %s  conversation %s%n", r.smsFrom(), toNumber,
                        r.sms().messageId(), r.sms().conversationId());
                out.printf("  email %s -> %s  message %s  conversation %s%n", fromEmail, toEmail,
                        r.email().messageId(), r.email().conversationId());
            }
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            err.println("switchboard send-test: " + dev.switchboard.model.redact.LogMask.line(e.getMessage()));
            return ExitCodes.INTERNAL;
        } finally {
            org.destroy();
        }
    }

    private OrgConnection connection(PrintWriter err) throws IOException {
        java.nio.file.Path dataDir = SwitchboardCommand.dataDirOf(spec);
        if (target.region == null && target.apiUrl == null && target.sandboxPort == null
                && dev.switchboard.engine.genesys.OrgSettings.load(dataDir).isPresent()) {
            // the connected org: its secret from the folder's vault (no store needed)
            dev.switchboard.engine.genesys.OrgSettings s = dev.switchboard.engine.genesys.OrgSettings.load(dataDir)
                    .orElseThrow();
            String secret;
            try {
                secret = dev.switchboard.engine.secrets.Vaults.open(dataDir)
                        .get(dev.switchboard.engine.secrets.SecretVault.GENESYS_CLIENT_SECRET).orElse(null);
            } catch (dev.switchboard.engine.secrets.VaultException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (secret == null) {
                throw new IllegalArgumentException("The org " + s.where() + " is connected but its client secret is"
                        + " not in the vault: run 'switchboard org connect' again.");
            }
            return s.connection(secret.toCharArray());
        }
        if (target.region == null && target.apiUrl == null) {
            int port = target.sandboxPort == null ? 8780 : target.sandboxPort;
            SandboxCredentials c = SandboxCredentials.forSeed(seed);
            URI api = URI.create("http://127.0.0.1:" + port);
            return OrgConnection.urls(api, URI.create(api + "/login"), c.clientId(), c.clientSecret().toCharArray());
        }
        if (clientId == null) {
            err.println("switchboard send-test: a real org needs --client-id (and the secret in $" + SECRET_ENV
                    + " or on standard input).");
            return null;
        }
        char[] secret = secret();
        if (secret.length == 0) {
            err.println("switchboard send-test: no client secret: set $" + SECRET_ENV + " or pipe it on standard"
                    + " input.");
            return null;
        }
        if (target.region != null) {
            return OrgConnection.region(target.region, clientId, secret);
        }
        if (loginUrl == null) {
            err.println("switchboard send-test: --api-url needs --login-url too.");
            return null;
        }
        return OrgConnection.urls(target.apiUrl, loginUrl, clientId, secret);
    }

    static char[] secret() throws IOException {
        String env = System.getenv(SECRET_ENV);
        if (env != null && !env.isBlank()) {
            return env.strip().toCharArray();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.strip().toCharArray();
    }
}
