package dev.switchboard.app.console.imports;

import dev.switchboard.engine.contacts.FilePreview;
import dev.switchboard.engine.contacts.ImportInputException;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportProgress;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.model.contact.ColumnBinding;
import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.ContactField;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.PhoneType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** An {@link Importer} that previews a fixed four-column file and imports by reporting made-up progress. */
public final class FakeImporter implements Importer {
    final List<String> inspections = new ArrayList<>();
    final List<ImportRequest> runs = new ArrayList<>();
    ImportInputException inspectFailure;
    ImportInputException runFailure;
    /** Checked between progress reports; the run ends CANCELLED when it turns true. */
    boolean cancelAfterFirstReport;
    BooleanSupplier lastCancelled;

    public static ColumnMapping autoMapping() {
        return new ColumnMapping(List.of(
                ColumnBinding.of(0, "id", ContactField.EXTERNAL_KEY),
                ColumnBinding.of(1, "first_name", ContactField.FIRST_NAME),
                ColumnBinding.phone(2, "phone", PhoneType.MOBILE),
                ColumnBinding.of(3, "email", ContactField.EMAIL)));
    }

    @Override
    public FilePreview inspect(Path file, Charset encoding, Character delimiter, int sampleRows)
            throws ImportInputException {
        inspections.add(file + " " + encoding + " " + (delimiter == null ? null : "'" + delimiter + "'"));
        if (inspectFailure != null) {
            throw inspectFailure;
        }
        return new FilePreview(file, 4096, encoding == null ? StandardCharsets.UTF_8 : encoding, encoding == null,
                delimiter == null ? ',' : delimiter, List.of("id", "first_name", "phone", "email"),
                List.of(List.of("C-1", "Ada", "", "ada@example.com"), List.of("C-2", "Alan", "415 555 2671", "")),
                autoMapping());
    }

    @Override
    public ImportSummary run(ImportRequest request, ImportListener listener, BooleanSupplier cancelled)
            throws ImportInputException {
        runs.add(request);
        lastCancelled = cancelled;
        if (runFailure != null) {
            throw runFailure;
        }
        listener.progress(new ImportProgress(5, 2048, 4096, 1000, Duration.ofSeconds(2), 4, 0, 0, 1));
        if (cancelAfterFirstReport || cancelled.getAsBoolean()) {
            return summary(request, ImportState.CANCELLED, 4, 1);
        }
        listener.progress(new ImportProgress(15, 4096, 4096, 1500, Duration.ZERO, 10, 0, 0, 5));
        return summary(request, ImportState.COMPLETED, 10, 5);
    }

    private static ImportSummary summary(ImportRequest request, ImportState state, long inserted, long rejected) {
        return new ImportSummary(7, 3, request.listName(), state, inserted, 0, 0, rejected, 1,
                Duration.ofMillis(1500), 0, "UTF-8", "comma");
    }
}
