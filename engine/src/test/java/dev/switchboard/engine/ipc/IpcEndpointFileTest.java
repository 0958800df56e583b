package dev.switchboard.engine.ipc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class IpcEndpointFileTest {
    @TempDir
    Path dir;

    @Test
    void writesAnOwnerOnlyFileThatReadsBack() throws Exception {
        String token = EngineApiServer.newToken();
        Endpoint written = EngineEndpointFile.write(dir, 4711, token);

        Path file = EngineEndpointFile.path(dir);
        assertThat(file).exists();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(EngineEndpointFile.read(dir)).contains(written);
        assertThat(written.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(written.port()).isEqualTo(4711);
    }

    @Test
    void tokenIsLongBase64UrlAndNeverPrinted() throws Exception {
        String token = EngineApiServer.newToken();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(EngineApiServer.newToken()).isNotEqualTo(token);

        Endpoint endpoint = EngineEndpointFile.write(dir, 4711, token);
        assertThat(endpoint.toString()).contains("4711").doesNotContain(token);
    }

    @Test
    void replacesAnEarlierFile() throws Exception {
        EngineEndpointFile.write(dir, 1000, "first-token");
        EngineEndpointFile.write(dir, 2000, "second-token");

        assertThat(EngineEndpointFile.read(dir)).map(Endpoint::port).contains(2000);
    }

    @Test
    void isEmptyWhenAbsent() {
        assertThat(EngineEndpointFile.read(dir)).isEmpty();
        assertThat(EngineEndpointFile.read(dir.resolve("no-such-folder"))).isEmpty();
    }

    @Test
    void isEmptyWhenThePidIsDead() throws Exception {
        Process finished = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finished.waitFor();
        for (long pid : new long[] {finished.pid(), Long.MAX_VALUE}) {
            writeRaw("""
                    {"port":4711,"token":"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq","pid":%d,"startedAt":"%s"}
                    """.formatted(pid, Instant.now()));
            assertThat(EngineEndpointFile.read(dir)).as("pid %d", pid).isEmpty();
        }
    }

    @Test
    void isEmptyWhenMalformed() throws Exception {
        long me = ProcessHandle.current().pid();
        for (String json : new String[] {
                "not json",
                "",
                "[]",
                "{\"port\":4711}",
                "{\"port\":\"4711\",\"token\":\"t\",\"pid\":%d,\"startedAt\":\"2025-01-01T00:00:00Z\"}".formatted(me),
                "{\"port\":99999,\"token\":\"t\",\"pid\":%d,\"startedAt\":\"2025-01-01T00:00:00Z\"}".formatted(me),
                "{\"port\":4711,\"token\":\"t\",\"pid\":%d,\"startedAt\":\"yesterday\"}".formatted(me),
        }) {
            writeRaw(json);
            assertThat(EngineEndpointFile.read(dir)).as(json).isEmpty();
        }
        writeRaw("{\"port\":4711,\"token\":\"t\",\"pid\":%d,\"startedAt\":\"2025-01-01T00:00:00Z\"}".formatted(me));
        assertThat(EngineEndpointFile.read(dir)).isPresent();
    }

    @Test
    void deletesOnlyItsOwnFile() throws Exception {
        EngineEndpointFile.write(dir, 4711, "mine");

        assertThat(EngineEndpointFile.delete(dir, "someone-else")).isFalse();
        assertThat(EngineEndpointFile.path(dir)).exists();
        assertThat(EngineEndpointFile.delete(dir, "mine")).isTrue();
        assertThat(EngineEndpointFile.path(dir)).doesNotExist();
        assertThat(EngineEndpointFile.delete(dir, "mine")).isFalse();
    }

    private void writeRaw(String content) throws Exception {
        Files.writeString(EngineEndpointFile.path(dir), content);
    }
}
