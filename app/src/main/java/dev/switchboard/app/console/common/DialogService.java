package dev.switchboard.app.console.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * File choosers and alerts, behind an interface so that view models run in plain JUnit. Called on the UI thread;
 * the choosers block until the user answers.
 */
public interface DialogService {

    /** Asks for a list file (CSV or text) to read; empty when the user cancels. */
    Optional<Path> chooseFileToOpen(String title);

    /** Asks where to write a CSV file, suggesting {@code suggestedName}; empty when the user cancels. */
    Optional<Path> chooseFileToSave(String title, String suggestedName);

    /** Shows a problem the user has to know about; {@code message} is a sentence, never a stack trace. */
    void showError(String title, String message);
}
