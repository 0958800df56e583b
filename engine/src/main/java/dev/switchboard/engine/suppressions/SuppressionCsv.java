package dev.switchboard.engine.suppressions;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.switchboard.engine.contacts.CsvCells;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suppression list as CSV: the columns {@code address,kind,channel,reason,expires} (an export adds
 * {@code id,source,created_at,created_by}, which an import ignores, so an export imports again). {@code kind} is
 * dnc, opt_out, hard_bounce, legal_hold or review; {@code channel} voice, sms, email or empty for every channel;
 * {@code expires} the last day it applies (UTC, 2027-11-23) or empty for never.
 */
final class SuppressionCsv {
    static final List<String> IMPORT_COLUMNS = List.of("address", "kind", "channel", "reason", "expires");
    static final List<String> EXPORT_COLUMNS = List.of("address", "kind", "channel", "reason", "expires", "id",
            "source", "created_at", "created_by");

    private SuppressionCsv() {
    }

    /** One data row read from a file, by line. */
    record Line(long line, Map<String, String> cells) {
        String cell(String column) {
            String v = cells.get(column);
            return v == null ? "" : unescape(v.strip());
        }
    }

    /** A row with what is wrong in it, naming the column ("file" for the file as a whole). */
    record Problem(long line, String field, String message) {
    }

    /** The rows of {@code file}; throws with the one problem that makes the whole file unreadable. */
    static List<Line> read(Path file) throws FileProblem {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new FileProblem(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new FileProblem(file.getFileName() + ": not UTF-8 text (save it as CSV UTF-8)");
        } catch (IOException e) {
            throw new FileProblem(file.getFileName() + ": cannot be read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(new java.io.StringReader(text), file.getFileName().toString());
    }

    static List<Line> parse(Reader in, String name) throws FileProblem {
        List<Line> rows = new ArrayList<>();
        List<String> header = null;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(in)) {
            for (CsvRecord r : csv) {
                if (r.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = r.getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    for (String required : List.of("address", "kind", "reason")) {
                        if (!header.contains(required)) {
                            throw new FileProblem(name + ": line " + r.getStartingLineNumber() + " is not a header"
                                    + " with the column '" + required + "' (the columns are "
                                    + String.join(",", IMPORT_COLUMNS) + ")");
                        }
                    }
                    continue;
                }
                Map<String, String> cells = new TreeMap<>();
                for (int i = 0; i < header.size() && i < r.getFieldCount(); i++) {
                    cells.putIfAbsent(header.get(i), r.getField(i));
                }
                rows.add(new Line(r.getStartingLineNumber(), cells));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FileProblem(name + ": cannot be read as CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new FileProblem(name + ": not valid CSV: " + e.getMessage());
        }
        if (header == null) {
            throw new FileProblem(name + ": empty (it needs a header line: " + String.join(",", IMPORT_COLUMNS)
                    + ")");
        }
        return rows;
    }

    static Suppression.Kind kind(String text) {
        try {
            return Suppression.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not dnc, opt_out, hard_bounce, legal_hold or review",
                    e);
        }
    }

    /** Null for an empty cell or "all" (every channel). */
    static Channel channel(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("ALL") || t.equals("ANY")) {
            return null;
        }
        try {
            return Channel.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not voice, sms, email or empty (every channel)", e);
        }
    }

    /** The instant after the last day it applies; null for an empty cell. */
    static java.time.Instant expires(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date like 2027-11-23", e);
        }
    }

    /** The last day a suppression applies, as an import reads it back. */
    static String lastDay(java.time.Instant expiresAt) {
        return expiresAt == null ? "" : LocalDate.ofInstant(expiresAt.minusNanos(1), ZoneOffset.UTC).toString();
    }

    /** Writes the header and returns the writer rows go to (the caller closes {@code out}). */
    static CsvWriter writer(Writer out) {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(EXPORT_COLUMNS);
        return csv;
    }

    static void write(CsvWriter csv, SuppressionService.Entry e) {
        Suppression s = e.suppression();
        csv.writeRecord(CsvCells.safe(s.key()), s.kind().name().toLowerCase(Locale.ROOT),
                s.channel() == null ? "" : s.channel().name().toLowerCase(Locale.ROOT), CsvCells.safe(s.reason()),
                lastDay(s.expiresAt()), Long.toString(e.id()), CsvCells.safe(e.source()), e.createdAt().toString(),
                CsvCells.safe(e.createdBy()));
    }

    /** Undoes {@link CsvCells#safe}: an apostrophe in front of a formula character. */
    static String unescape(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'') {
            char c = cell.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0') {
                return cell.substring(1);
            }
        }
        return cell;
    }

    /** The file as a whole cannot be imported (not found, not UTF-8, not CSV, no header). */
    static final class FileProblem extends Exception {
        FileProblem(String message) {
            super(message);
        }
    }
}
