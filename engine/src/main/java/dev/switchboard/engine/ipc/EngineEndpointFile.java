package dev.switchboard.engine.ipc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file {@code <dataDir>/engine-api.json} through which the running engine tells other processes of the same user
 * where its API listens: {@code {"port":int,"token":string,"pid":long,"startedAt":"ISO instant"}}. The file is
 * readable and writable by its owner only, and is replaced atomically.
 */
public final class EngineEndpointFile {
    /** The file's name inside the data folder. */
    public static final String FILE_NAME = "engine-api.json";

    private static final long MAX_SIZE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EngineEndpointFile() {
    }

    /** The endpoint file's path inside {@code dataDir}. */
    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Writes the endpoint of this process (its pid, now) listening on {@code port}, replacing any earlier file.
     *
     * @return the endpoint written
     */
    public static Endpoint write(Path dataDir, int port, String token) throws IOException {
        Endpoint endpoint = new Endpoint(port, token, ProcessHandle.current().pid(), Instant.now());
        ObjectNode json = ApiJson.MAPPER.createObjectNode();
        json.put("port", endpoint.port());
        json.put("token", endpoint.token());
        json.put("pid", endpoint.pid());
        json.put("startedAt", endpoint.startedAt().toString());
        byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(json);

        Files.createDirectories(dataDir);
        Path target = path(dataDir);
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        Path temp = dataDir.resolve("." + FILE_NAME + "." + HexFormat.of().formatHex(suffix) + ".tmp");
        try {
            createOwnerOnly(temp);
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return endpoint;
    }

    /**
     * The endpoint of a running engine, or empty when the file is absent, unreadable or malformed, or names a
     * process that is no longer alive.
     */
    public static Optional<Endpoint> read(Path dataDir) {
        return readFile(dataDir).filter(e -> ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * Deletes the endpoint file if it still holds {@code token}, that is if no other engine has replaced it since.
     *
     * @return whether the file was deleted
     */
    public static boolean delete(Path dataDir, String token) throws IOException {
        Optional<Endpoint> current = readFile(dataDir);
        if (current.isEmpty() || !MessageDigest.isEqual(bytes(current.get().token()), bytes(token))) {
            return false;
        }
        return Files.deleteIfExists(path(dataDir));
    }

    private static Optional<Endpoint> readFile(Path dataDir) {
        Path file = path(dataDir);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SIZE) {
                return Optional.empty();
            }
            JsonNode root = ApiJson.MAPPER.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            JsonNode port = root.path("port");
            JsonNode token = root.path("token");
            JsonNode pid = root.path("pid");
            JsonNode startedAt = root.path("startedAt");
            if (!port.isIntegralNumber() || !token.isString() || !pid.isIntegralNumber() || !startedAt.isString()
                    || !port.canConvertToInt() || !pid.canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new Endpoint(port.intValue(), token.asString(), pid.longValue(),
                    Instant.parse(startedAt.asString())));
        } catch (IOException | JacksonException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Best effort: where the file system has no POSIX permissions (Windows), the per-user data folder
            // already keeps other users out, and some of these calls are not supported there.
            Files.createFile(file);
            File f = file.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
