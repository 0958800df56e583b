package dev.switchboard.engine.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams the records of a list file: decoded in its encoding (undecodable bytes become U+FFFD rather than
 * failing the import), parsed by FastCSV (quoted fields with separators, quotes and newlines; CRLF or LF), with
 * the number of bytes read so far for progress. Memory stays bounded whatever the file's size.
 */
final class ListFileReader implements AutoCloseable {
    private final CountingInputStream bytes;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final List<String> headers;

    @SuppressWarnings("removal")
    private ListFileReader(Path file, ImportFormat format, char delimiter) throws IOException {
        this.bytes = new CountingInputStream(Files.newInputStream(file));
        bytes.skipNBytes(format.bomLength());
        var decoder = format.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16);
        this.csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                // rows of the wrong width reach the normalizer, which rejects them with a reason
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(true)
                // `"abc"def` is kept as data rather than ending the import; FastCSV has no replacement yet
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(reader);
        this.records = csv.iterator();
        this.headers = records.hasNext() ? uniqueHeaders(records.next().getFields()) : List.of();
    }

    /** Opens the file and reads its header row (empty when the file has no records at all). */
    static ListFileReader open(Path file, ImportFormat format, char delimiter) throws ImportInputException {
        try {
            return new ListFileReader(file, format, delimiter);
        } catch (IOException | RuntimeException e) {
            throw new ImportInputException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The first physical line of the file, decoded: what the separator is detected from. */
    static String firstLine(Path file, ImportFormat format) throws ImportInputException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(format.bomLength());
            var decoder = format.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            return "";
        } catch (IOException e) {
            throw new ImportInputException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    List<String> headers() {
        return headers;
    }

    /** The next record, or null at the end. */
    CsvRecord next() {
        return records.hasNext() ? records.next() : null;
    }

    long bytesRead() {
        return bytes.count.get();
    }

    /** Blank headers become "Column N" and repeated ones "Name (2)": every column needs its own name. */
    static List<String> uniqueHeaders(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String h = raw.get(i).strip().replace("\u0000", "");
            if (h.isEmpty()) {
                h = "Column " + (i + 1);
            }
            String candidate = h;
            for (int n = 2; !seen.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
                candidate = h + " (" + n + ")";
            }
            out.add(candidate);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException ignored) {
            // read-only file: nothing to lose
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        final AtomicLong count = new AtomicLong();

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count.addAndGet(s);
            return s;
        }
    }
}
