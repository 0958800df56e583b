package dev.switchboard.app.cli;

import dev.switchboard.engine.ipc.ApiException;
import dev.switchboard.engine.ipc.ApiResponse;
import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.engine.ipc.EngineApiException;
import dev.switchboard.engine.ipc.Router;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commands that need the store (import, lists, explain, template …) while the engine holds it: the command line goes
 * to the engine over its authenticated loopback API and runs there, on the engine's store; relative paths resolve
 * against the caller's working folder, and passwords travel with it (loopback only, never a flag).
 */
public final class Forwarding {
    /** Never run inside the engine: the console, another engine, benchmarks that open stores of their own. */
    private static final Set<String> LOCAL_ONLY = Set.of("engine", "sandbox", "restore", "bench-import", "bench-engine",
            "bench-broadcast",
            "bench-forecast");

    private Forwarding() {
    }

    static int forward(EngineApiClient client, SwitchboardCommand.Invocation invocation, String command,
                       Path dataDir) throws Exception {
        ObjectNode body = Json.object();
        body.put("cwd", Path.of("").toAbsolutePath().toString());
        var argv = body.putArray("argv");
        argv.add("--data-dir");
        argv.add(dataDir.toAbsolutePath().toString());
        // the caller's own --data-dir is replaced by the absolute one above (picocli takes it only once)
        String[] given = invocation.args();
        for (int i = 0; i < given.length; i++) {
            if (given[i].equals("--data-dir")) {
                i++;
            } else if (!given[i].startsWith("--data-dir=")) {
                argv.add(given[i]);
            }
        }
        ObjectNode env = body.putObject("env");
        List<String> args = Arrays.asList(invocation.args());
        if (args.contains("--as")) {
            env.put(Passwords.ACTOR_ENV, new String(Passwords.actor()));
        }
        if (args.contains("org") && args.contains("connect")) {
            env.put(SendTestCommand.SECRET_ENV, new String(Passwords.clientSecret()));
        }
        if (args.contains("user") && args.contains("add")) {
            env.put(Passwords.NEW_ENV, new String(Passwords.newProfile()));
        }
        JsonNode answer;
        try {
            answer = client.post("/cli", body);
        } catch (EngineApiException e) {
            invocation.err().println("switchboard " + command + ": the engine (pid " + client.endpoint().pid()
                    + ") holds the store and could not run this: " + e.getMessage());
            return ExitCodes.STORE;
        }
        invocation.out().print(answer.path("out").asString(""));
        invocation.out().flush();
        invocation.err().print(answer.path("err").asString(""));
        invocation.err().flush();
        return answer.path("exit").asInt(ExitCodes.INTERNAL);
    }

    /** The subcommand's name: the first argument that is neither an option nor the value of --data-dir. */
    static String commandName(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--data-dir")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** The engine's side: runs a forwarded command line on this process's store. */
    public static void install(Router router) {
        router.post("/cli", q -> {
            JsonNode body = q.requireBody();
            List<String> argv = new ArrayList<>();
            body.path("argv").forEach(a -> argv.add(a.asString()));
            String name = commandName(argv);
            if (name.isEmpty() || LOCAL_ONLY.contains(name)) {
                throw new ApiException(400, "'" + (name.isEmpty() ? "the console" : name)
                        + "' does not run inside the engine");
            }
            Map<String, String> env = new HashMap<>();
            body.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            Passwords.FORWARDED.set(env);
            try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
                exit = SwitchboardCommand.execute(o, e, Path.of(body.path("cwd").asString(".")),
                        argv.toArray(String[]::new));
            } finally {
                Passwords.FORWARDED.remove();
            }
            ObjectNode o = Json.object();
            o.put("exit", exit);
            o.put("out", out.toString());
            o.put("err", err.toString());
            return ApiResponse.ok(o);
        });
    }
}
