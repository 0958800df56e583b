package dev.switchboard.app.console.templates;

import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;

import java.util.Optional;

/**
 * The Templates screen's own questions, behind an interface so that its view model runs in plain JUnit. Called on
 * the UI thread; each blocks until the user answers.
 */
public interface ReviewDialogs {

    /** What a new template starts as. */
    record NewTemplate(String id, String name, Channel channel, Purpose purpose) {
    }

    /**
     * Asks for a review comment.
     *
     * @param action   the confirming button's text ("Approve", "Reject")
     * @param required whether the comment may be left empty
     * @return the comment (possibly empty when not required); empty when the user cancels
     */
    Optional<String> comment(String title, String message, String action, boolean required);

    /** Asks for a new template's id, name, channel and purpose; empty when the user cancels. */
    Optional<NewTemplate> newTemplate();
}
