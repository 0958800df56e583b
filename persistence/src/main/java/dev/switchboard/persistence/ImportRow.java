package dev.switchboard.persistence;

import dev.switchboard.model.contact.RowResult;

/**
 * One data row of a list file on its way into the store.
 *
 * @param recordNo 1 for the first row after the header
 * @param lineNo   the physical line the row starts on (the header is line 1)
 */
public record ImportRow(long recordNo, long lineNo, RowResult result) {
}
