package dev.switchboard.model.template;

/** A template body has a malformed {@code {{…}}} placeholder. */
public final class TemplateSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the field and position. */
    public TemplateSyntaxException(String message) {
        super(message);
    }
}
