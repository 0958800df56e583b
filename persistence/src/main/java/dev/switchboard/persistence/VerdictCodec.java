package dev.switchboard.persistence;

import dev.switchboard.model.contact.Verdict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The compact form of a batch's verdicts: one line per row ({@code record TAB line TAB code TAB key}), deflated.
 * One blob per batch instead of one row per data row keeps a 1M-row import's bookkeeping cheap.
 */
final class VerdictCodec {
    record Entry(long recordNo, long lineNo, Verdict verdict, String externalKey) {
    }

    private VerdictCodec() {
    }

    static byte[] encode(List<ImportRow> rows, Verdict[] verdicts) {
        StringBuilder sb = new StringBuilder(rows.size() * 24);
        for (int i = 0; i < rows.size(); i++) {
            ImportRow r = rows.get(i);
            String key = r.result().externalKey();
            sb.append(r.recordNo()).append('\t').append(r.lineNo()).append('\t').append(verdicts[i].code()).append('\t');
            if (key != null) {
                // keys are single-line values, but a hostile file could try: keep the codec's framing intact
                sb.append(key.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
            sb.append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sb.length() / 3 + 16);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Entry> decode(byte[] blob) {
        String text;
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(blob))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String[] f = text.substring(start, end).split("\t", 4);
            entries.add(new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), Verdict.ofCode(f[2].charAt(0)),
                    f[3].isEmpty() ? null : f[3]));
            start = end + 1;
        }
        return entries;
    }
}
