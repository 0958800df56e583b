package dev.switchboard.engine.dnc;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The small CSV files of outside data: read whole (they are thousands of rows, not millions), rows with lines. */
final class CsvInput {
    private CsvInput() {
    }

    /** One non-empty row and the line it starts on (1-based). */
    record Row(long line, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i).strip() : "";
        }
    }

    /** Reads a UTF-8 file (a byte-order mark is skipped); a file that is not UTF-8 is refused, naming it. */
    static List<Row> read(Path file) throws DncInputException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new DncInputException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new DncInputException(file.getFileName() + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DncInputException(file.getFileName() + ": cannot be read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(new StringReader(text), file.getFileName().toString());
    }

    static List<Row> parse(Reader in, String name) throws DncInputException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(in)) {
            for (CsvRecord r : csv) {
                if (r.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new Row(r.getStartingLineNumber(), List.copyOf(r.getFields())));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DncInputException(name + ": cannot be read as CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new DncInputException(name + ": not valid CSV: " + e.getMessage());
        }
        return rows;
    }

    /** The index of the first header cell matching {@code pattern}, or -1. */
    static int column(List<String> header, Pattern pattern) {
        for (int i = 0; i < header.size(); i++) {
            if (pattern.matcher(header.get(i).strip().toLowerCase(Locale.ROOT)).find()) {
                return i;
            }
        }
        return -1;
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.BASIC_ISO_DATE);

    /** A date as 2026-06-01, 6/1/2026 or 20260601; null when it is none of them. */
    static LocalDate date(String text) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == 'T') {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }
}
