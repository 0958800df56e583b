package dev.switchboard.persistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server from Debian's package, on a free loopback port, in a temporary folder. PostgreSQL
 * refuses to run as root, so as root it runs through {@code runuser -u postgres}.
 */
final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path base, int port, boolean asPostgres) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The newest installed server's bin folder, or null when PostgreSQL is not installed. */
    static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString()))
                    .orElse(null);
        }
    }

    static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory(Path.of("/tmp"), "switchboard-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, base, port, root);
        if (root) {
            run(List.of("chown", "postgres", base.toString()));
        }
        server.pg("initdb", "-D", server.data.toString(), "-U", "switchboard", "--auth=trust", "-E", "UTF8",
                "--no-sync");
        server.pg("pg_ctl", "-D", server.data.toString(), "-l", base.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + base + " -F", "start");
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
