package dev.switchboard.app.console.imports;

import dev.switchboard.engine.contacts.FilePreview;
import dev.switchboard.engine.contacts.ImportInputException;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportService;
import dev.switchboard.engine.contacts.ImportSummary;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What the import wizard needs of the engine's {@link ImportService}, as an interface the wizard's tests can fake.
 * Both methods block and do IO: call them through the task runner.
 */
public interface Importer {

    FilePreview inspect(Path file, Charset encodingOrNull, Character delimiterOrNull, int sampleRows)
            throws ImportInputException;

    ImportSummary run(ImportRequest request, ImportListener listener, BooleanSupplier cancelled)
            throws ImportInputException;

    static Importer of(ImportService service) {
        return new Importer() {
            @Override
            public FilePreview inspect(Path file, Charset encoding, Character delimiter, int sampleRows)
                    throws ImportInputException {
                return service.inspect(file, encoding, delimiter, sampleRows);
            }

            @Override
            public ImportSummary run(ImportRequest request, ImportListener listener, BooleanSupplier cancelled)
                    throws ImportInputException {
                return service.run(request, listener, cancelled);
            }
        };
    }
}
