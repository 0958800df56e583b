package dev.switchboard.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox from the command line: {@code --port N --seed S --state FILE --token-lifetime SECONDS --rpm N
 * --speed X --webhook URL}, plus faults set at start: {@code --rate429 R --rate5xx R --latency-ms N
 * --read-timeout-rate R --drop-connection-rate R --retry-after SECONDS}, and {@code --heartbeat-seconds N}.
 * Prints the base URLs and the client credentials, then runs until interrupted.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /** Entry point; exits with the status {@link #run} returns. */
    public static void main(String[] args) {
        int status = run(args, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses {@code args}, starts the sandbox, prints how to reach it to {@code out} and blocks until the thread is
     * interrupted or the JVM shuts down. Returns 0 after a clean stop, 2 for bad arguments.
     */
    public static int run(String[] args, PrintStream out) {
        SandboxConfig config;
        String[] extra = new String[args.length];
        try {
            config = parse(args, extra);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(usage());
            return 2;
        }
        if (config == null) {
            out.println(usage());
            return 0;
        }
        CountDownLatch stop = new CountDownLatch(1);
        boolean interrupted = false;
        Sandbox sandbox = Sandbox.start(config);
        try {
            Thread hook = new Thread(() -> {
                stop.countDown();
                sandbox.close();
            }, "sandbox-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            applyExtras(sandbox, args, extra);
            out.println("Switchboard sandbox org is running.");
            out.println("  API base URL:   " + sandbox.apiBaseUrl());
            out.println("  Login base URL: " + sandbox.loginBaseUrl());
            out.println("  Client id:      " + sandbox.clientId());
            out.println("  Client secret:  " + sandbox.clientSecret());
            out.println("  Ledger:         " + sandbox.apiBaseUrl() + "/sandbox/ledger");
            out.println("  Seed " + config.seed() + ", " + config.requestsPerMinute() + " requests/min, clock x"
                    + config.clockSpeed() + (config.stateFile() == null ? ", state in memory"
                    : ", state in " + config.stateFile()));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                // restored after the sandbox closed: Jetty's stop should not see the flag
                interrupted = true;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook closes the sandbox
            }
        } finally {
            sandbox.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static SandboxConfig parse(String[] args) {
        return parse(args, new String[args.length]);
    }

    private static void applyExtras(Sandbox sandbox, String[] args, String[] extra) {
        for (int i = 0; i < args.length; i++) {
            if (extra[i] == null) {
                continue;
            }
            String v = extra[i];
            switch (args[i]) {
                case "--rate429" -> sandbox.faults().rate429(Double.parseDouble(v));
                case "--rate5xx" -> sandbox.faults().rate5xx(Double.parseDouble(v));
                case "--latency-ms" -> sandbox.faults().latency(Duration.ofMillis(Long.parseLong(v)));
                case "--read-timeout-rate" -> sandbox.faults().readTimeoutAfterAction(Double.parseDouble(v));
                case "--drop-connection-rate" -> sandbox.faults().dropConnectionAfterAction(Double.parseDouble(v));
                case "--retry-after" -> sandbox.faults().retryAfterSeconds(Integer.parseInt(v));
                case "--heartbeat-seconds" -> sandbox.heartbeatInterval(Duration.ofSeconds(Long.parseLong(v)));
                default -> { }
            }
        }
    }

    /** Parses the config options; fault options are checked and left in {@code extra} at their option's index. */
    static SandboxConfig parse(String[] args, String[] extra) {
        SandboxConfig c = SandboxConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a);
            }
            String v = args[++i];
            try {
                c = switch (a) {
                    case "--port" -> c.withPort(Integer.parseInt(v));
                    case "--seed" -> c.withSeed(Long.parseLong(v));
                    case "--state" -> c.withStateFile(Path.of(v));
                    case "--token-lifetime" -> c.withTokenLifetime(Duration.ofSeconds(Long.parseLong(v)));
                    case "--rpm" -> c.withRequestsPerMinute(Integer.parseInt(v));
                    case "--speed" -> c.withClockSpeed(Double.parseDouble(v));
                    case "--webhook" -> c.withWebhookUrl(URI.create(v));
                    case "--rate429", "--rate5xx", "--read-timeout-rate", "--drop-connection-rate" -> {
                        double rate = Double.parseDouble(v);
                        if (!(rate >= 0 && rate <= 1)) {
                            throw new IllegalArgumentException(a + " must be within 0..1");
                        }
                        extra[i - 1] = v;
                        yield c;
                    }
                    case "--latency-ms", "--retry-after", "--heartbeat-seconds" -> {
                        if (Long.parseLong(v) < 0) {
                            throw new IllegalArgumentException(a + " must not be negative");
                        }
                        extra[i - 1] = v;
                        yield c;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + a + ": " + v);
            }
        }
        return c;
    }

    static String usage() {
        return "usage: sandbox [--port N] [--seed S] [--state FILE] [--token-lifetime SECONDS] [--rpm N] "
                + "[--speed X] [--webhook URL] [--rate429 R] [--rate5xx R] [--latency-ms N] [--read-timeout-rate R] "
                + "[--drop-connection-rate R] [--retry-after SECONDS] [--heartbeat-seconds N]";
    }
}
