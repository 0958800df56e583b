package dev.switchboard.persistence;

import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.model.contact.Verdict;

import java.util.List;

/** The verdict on one data row of an import, with every issue recorded against it. */
public record VerdictRow(long recordNo, long lineNo, Verdict verdict, String externalKey, List<RowIssue> issues) {
}
