package dev.switchboard.engine.dnc;

import dev.switchboard.model.compliance.RndResult;
import dev.switchboard.model.contact.PhoneCheck;
import dev.switchboard.model.contact.PhoneNormalizer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads National DNC scrub results (the numbers found on the registry) and Reassigned Numbers Database results.
 * Either the whole file is good or the first bad row is named with its line and field: nothing is half-read.
 */
public final class ScrubFiles {
    private static final Pattern PHONE_HEADER = Pattern.compile("phone|number|^tn$|telephone|^ani$|^dnc");
    private static final Pattern CONSENT_HEADER = Pattern.compile("consent");
    private static final Pattern ANSWER_HEADER = Pattern.compile("result|answer|reassigned|disconnected");
    private static final Pattern DATA_DATE_HEADER = Pattern.compile("data|as.?of|database|report");

    private ScrubFiles() {
    }

    /** The numbers of a scrub, in E.164, each once, in file order. */
    public static List<String> scrubNumbers(Path file, PhoneNormalizer phones) throws DncInputException {
        String name = file.getFileName().toString();
        List<CsvInput.Row> rows = CsvInput.read(file);
        if (rows.isEmpty()) {
            throw new DncInputException(name + ": no numbers in the file");
        }
        CsvInput.Row first = rows.getFirst();
        boolean header = first.cells().stream().noneMatch(c -> phones.normalize(c) instanceof PhoneCheck.Valid);
        int col = 0;
        String field = "column 1";
        if (header) {
            col = first.cells().size() == 1 ? 0 : CsvInput.column(first.cells(), PHONE_HEADER);
            if (col < 0) {
                throw new DncInputException(name + ": line " + first.line() + ": no phone number column in the"
                        + " header " + first.cells() + " (name one phone, number or telephone)");
            }
            field = "column '" + first.cell(col) + "'";
        } else if (first.cells().size() > 1) {
            for (int i = 0; i < first.cells().size(); i++) {
                if (phones.normalize(first.cell(i)) instanceof PhoneCheck.Valid) {
                    col = i;
                    field = "column " + (i + 1);
                    break;
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (CsvInput.Row r : header ? rows.subList(1, rows.size()) : rows) {
            String value = r.cell(col);
            if (value.isEmpty()) {
                throw new DncInputException(name + ": line " + r.line() + ", " + field + ": no phone number");
            }
            switch (phones.normalize(value)) {
                case PhoneCheck.Valid v -> out.add(v.e164());
                case PhoneCheck.Invalid inv -> throw new DncInputException(name + ": line " + r.line() + ", "
                        + field + ": '" + value + "' is not a usable phone number (" + inv.reason() + ")");
            }
        }
        if (out.isEmpty()) {
            throw new DncInputException(name + ": no numbers in the file");
        }
        return List.copyOf(out);
    }

    /**
     * The answers of an RND results file: columns phone number, consent date, result (yes, no, no data), data date
     * (by header names when there is a header, else in that order).
     */
    public static List<RndResult> rndResults(Path file, PhoneNormalizer phones) throws DncInputException {
        String name = file.getFileName().toString();
        List<CsvInput.Row> rows = CsvInput.read(file);
        if (rows.isEmpty()) {
            throw new DncInputException(name + ": no results in the file");
        }
        CsvInput.Row first = rows.getFirst();
        boolean header = first.cells().stream().noneMatch(c -> CsvInput.date(c) != null);
        int phone = 0;
        int consent = 1;
        int answer = 2;
        int data = 3;
        List<String> labels = List.of("phone number", "consent date", "result", "data date");
        if (header) {
            phone = CsvInput.column(first.cells(), PHONE_HEADER);
            consent = CsvInput.column(first.cells(), CONSENT_HEADER);
            answer = CsvInput.column(first.cells(), ANSWER_HEADER);
            List<String> rest = new ArrayList<>(first.cells());
            if (consent >= 0) {
                rest.set(consent, "");
            }
            data = CsvInput.column(rest, DATA_DATE_HEADER);
            List<String> missing = new ArrayList<>();
            int[] found = {phone, consent, answer, data};
            for (int i = 0; i < found.length; i++) {
                if (found[i] < 0) {
                    missing.add(labels.get(i));
                }
            }
            if (!missing.isEmpty()) {
                throw new DncInputException(name + ": line " + first.line() + ": the header " + first.cells()
                        + " has no column for " + String.join(", ", missing));
            }
            labels = List.of("'" + first.cell(phone) + "'", "'" + first.cell(consent) + "'",
                    "'" + first.cell(answer) + "'", "'" + first.cell(data) + "'");
        }
        List<RndResult> out = new ArrayList<>();
        for (CsvInput.Row r : header ? rows.subList(1, rows.size()) : rows) {
            String where = name + ": line " + r.line() + ", column ";
            String number = r.cell(phone);
            String e164 = switch (phones.normalize(number)) {
                case PhoneCheck.Valid v -> v.e164();
                case PhoneCheck.Invalid inv -> throw new DncInputException(where + labels.get(0) + ": '" + number
                        + "' is not a usable phone number (" + inv.reason() + ")");
            };
            LocalDate consentDate = CsvInput.date(r.cell(consent));
            if (consentDate == null) {
                throw new DncInputException(where + labels.get(1) + ": '" + r.cell(consent) + "' is not a date"
                        + " (2026-06-01)");
            }
            RndResult.Answer a;
            try {
                a = RndResult.Answer.parse(r.cell(answer));
            } catch (IllegalArgumentException e) {
                throw new DncInputException(where + labels.get(2) + ": " + e.getMessage());
            }
            LocalDate dataDate = CsvInput.date(r.cell(data));
            if (dataDate == null) {
                throw new DncInputException(where + labels.get(3) + ": '" + r.cell(data) + "' is not a date"
                        + " (2026-06-01)");
            }
            if (dataDate.isBefore(consentDate) && a == RndResult.Answer.YES) {
                // the database cannot report a disconnection after a date later than its data
                throw new DncInputException(where + labels.get(3) + ": the data date " + dataDate
                        + " is before the consent date " + consentDate + " of a 'yes' answer");
            }
            out.add(new RndResult(e164, consentDate, a, dataDate));
        }
        if (out.isEmpty()) {
            throw new DncInputException(name + ": no results in the file");
        }
        return out;
    }
}
