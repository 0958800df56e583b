package dev.switchboard.engine.contacts;

import dev.switchboard.model.contact.ColumnMapping;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * What the head of a list file looks like: the wizard's second page and {@code import --dry-run}.
 *
 * @param encodingDetected false when the encoding was named by the caller
 * @param delimiter        the field separator (comma, semicolon or tab)
 * @param sampleRows       the first data rows, as parsed (at most the requested number)
 * @param mapping          the automatic mapping of the headers (or the caller's, when given)
 */
public record FilePreview(Path file, long fileSize, Charset encoding, boolean encodingDetected, char delimiter,
                          List<String> headers, List<List<String>> sampleRows, ColumnMapping mapping) {

    public FilePreview {
        headers = List.copyOf(headers);
        sampleRows = sampleRows.stream().map(List::copyOf).toList();
    }

    /** "comma", "semicolon" or "tab". */
    public String delimiterName() {
        return ImportFormat.delimiterName(delimiter);
    }
}
