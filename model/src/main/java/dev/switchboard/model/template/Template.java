package dev.switchboard.model.template;

import dev.switchboard.model.contact.Channel;
import java.util.Objects;

/**
 * A message template with {@code {{variable}}} placeholders.
 *
 * <p>Email templates carry a subject, a text body and an optional HTML body; SMS and voice templates carry
 * only a text body. The {@linkplain #contentHash() content hash} covers what a recipient could see
 * (channel, subject, text, html), not the id, name or version, and is what an approval binds to.
 *
 * @param id       stable identifier (e.g. {@code payment-reminder-sms}); {@code null} before it is stored
 * @param channel  the channel the template is written for
 * @param name     a human-readable name
 * @param subject  email subject; {@code null} for other channels
 * @param textBody the text body (SMS text, email plain-text part, voice script)
 * @param htmlBody email HTML part, optional; {@code null} for other channels
 * @param version  1 for the first version, incremented on every edit after review
 */
public record Template(String id, Channel channel, String name, String subject, String textBody, String htmlBody,
        int version) {

    /** Validates the channel-specific fields. */
    public Template {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(textBody, "textBody");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a template needs a name");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        if (channel != Channel.EMAIL && (subject != null || htmlBody != null)) {
            throw new IllegalArgumentException("only email templates have a subject or an HTML body");
        }
        if (channel == Channel.EMAIL && subject == null) {
            throw new IllegalArgumentException("an email template needs a subject");
        }
    }

    /** An SMS template. */
    public static Template sms(String id, String name, String textBody) {
        return new Template(id, Channel.SMS, name, null, textBody, null, 1);
    }

    /** An email template. */
    public static Template email(String id, String name, String subject, String textBody, String htmlBody) {
        return new Template(id, Channel.EMAIL, name, subject, textBody, htmlBody, 1);
    }

    /**
     * SHA-256 (lower-case hex) over the canonical form {@code switchboard-template-v1}, channel, subject, text
     * body and HTML body, each length-prefixed; the exact characters count (no trimming or line-ending
     * normalization, so any visible edit changes the hash).
     */
    public String contentHash() {
        return Hashing.sha256("switchboard-template-v1", channel.name(), subject, textBody, htmlBody);
    }

    /** A copy with other content and the same id, name and version. */
    public Template withContent(String newSubject, String newTextBody, String newHtmlBody) {
        return new Template(id, channel, name, newSubject, newTextBody, newHtmlBody, version);
    }

    /** A copy with another version number. */
    public Template withVersion(int newVersion) {
        return new Template(id, channel, name, subject, textBody, htmlBody, newVersion);
    }
}
