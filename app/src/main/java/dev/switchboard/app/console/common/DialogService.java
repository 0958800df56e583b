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

    /**
     * Asks the user to confirm an audited action: a reason (when {@code needsReason}) and the acting profile with its
     * password (the signed-in profile proposed; the service authenticates the profile again for each action).
     *
     * @param action  the confirming button's text ("Pause", "Stop campaign")
     * @param danger  the action cannot be undone or stops sending: the button is red
     * @param profile the profile name to suggest (the last one used), or null
     */
    record ConfirmRequest(String title, String message, String action, boolean needsReason, boolean danger,
                          String profile) {
    }

    /** What the user confirmed with; {@code reason} is null when none was asked. */
    record Confirmation(String reason, String profile, char[] password) {
    }

    /**
     * Asks a yes-or-no question; true when the user chose {@code action} (the other button is Not now).
     *
     * @param action the confirming button's text ("Restart the engine")
     */
    boolean ask(String title, String message, String action);

    /** Shows {@code request}; empty when the user cancels. */
    Optional<Confirmation> confirm(ConfirmRequest request);
}
