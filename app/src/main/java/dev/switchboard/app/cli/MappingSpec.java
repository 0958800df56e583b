package dev.switchboard.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An explicit column mapping: a file of {@code Header = field} lines ({@code #} comments; the last {@code =}
 * splits, so headers may hold spaces) plus {@code --map Header=field} flags, which win.
 */
final class MappingSpec {
    private MappingSpec() {
    }

    static Map<String, String> read(Path file, List<String> flags, String keyColumn) throws SpecException {
        Map<String, String> spec = new LinkedHashMap<>();
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SpecException("Cannot read the mapping file " + file + ": " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                put(spec, line, "mapping file " + file.getFileName() + " line " + (i + 1));
            }
        }
        for (String flag : flags) {
            put(spec, flag, "--map '" + flag + "'");
        }
        if (keyColumn != null) {
            spec.put(keyColumn.strip(), "key");
        }
        return spec;
    }

    private static void put(Map<String, String> spec, String entry, String where) throws SpecException {
        int eq = entry.lastIndexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new SpecException(where + ": expected 'Column header = field', e.g. 'Cell = phone:mobile'");
        }
        spec.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
    }

    static final class SpecException extends Exception {
        SpecException(String message) {
            super(message);
        }
    }
}
