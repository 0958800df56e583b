package dev.switchboard.model.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over a length-prefixed field list, so no two different field lists share a canonical form. */
final class Hashing {
    private Hashing() {
    }

    /**
     * Hex SHA-256 of {@code tag} followed by each field as {@code <length>:<value>\n}, or {@code -\n} for
     * {@code null}. Lengths count UTF-16 units; values are hashed as UTF-8.
     */
    static String sha256(String tag, String... fields) {
        StringBuilder canonical = new StringBuilder(tag).append('\n');
        for (String field : fields) {
            if (field == null) {
                canonical.append("-\n");
            } else {
                canonical.append(field.length()).append(':').append(field).append('\n');
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
