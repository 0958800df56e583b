package dev.switchboard.model.contact;

/**
 * A rejected row or a dropped value, as an import recorded it.
 *
 * @param recordNo the data row's number (1 = the first row after the header)
 * @param lineNo   the physical line the row starts on (1 = the header line)
 */
public record ImportIssue(long importId, long recordNo, long lineNo, String externalKey, RowIssue issue) {
}
