package dev.switchboard.engine.rules;

import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.RulePackValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule pack (JSON) from the classpath or a file and validates it with {@link RulePackValidator}. Thread-safe;
 * does IO, so not for the FX thread.
 */
public final class RulePackLoader {
    /** The pack shipped in the resources module. */
    public static final String DEFAULT_RESOURCE = "/rulepacks/us-2026.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RulePackLoader() {
    }

    public static RulePack loadDefault() throws RulePackException {
        return loadResource(DEFAULT_RESOURCE);
    }

    public static RulePack loadResource(String resource) throws RulePackException {
        try (InputStream in = RulePackLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RulePackException(resource, List.of("not on the classpath"));
            }
            return parse(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new RulePackException(resource, List.of("cannot read: " + e.getMessage()));
        }
    }

    public static RulePack loadFile(Path file) throws RulePackException {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RulePackException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    /** Parses and validates JSON bytes; {@code source} names them in messages. */
    @SuppressWarnings("unchecked")
    public static RulePack parse(String source, byte[] json) throws RulePackException {
        Map<String, Object> tree;
        try {
            Object value = JSON.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new RulePackException(source, List.of("the top level is not a JSON object"));
            }
            tree = (Map<String, Object>) value;
        } catch (JacksonException e) {
            throw new RulePackException(source, List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        RulePackValidator.Result result = RulePackValidator.validate(tree);
        if (!result.ok()) {
            throw new RulePackException(source, result.problems());
        }
        return result.pack().withContentHash(sha256(json));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
