package dev.switchboard.model.template;

import dev.switchboard.model.contact.Channel;
import java.util.Objects;

/**
 * A template rendered for one contact: what will actually be sent.
 *
 * @param channel     the template's channel
 * @param subject     rendered email subject, {@code null} for other channels
 * @param text        rendered text body
 * @param html        rendered HTML body (values HTML-escaped), {@code null} when the template has none
 * @param sms         encoding and segments of {@code text} for SMS, {@code null} for other channels
 * @param contentHash SHA-256 hex over the rendered channel, subject, text and html; what an attempt records
 */
public record Rendered(Channel channel, String subject, String text, String html, SmsSegments sms,
        String contentHash) {

    /** Validates the fields. */
    public Rendered {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    static Rendered of(Channel channel, String subject, String text, String html) {
        SmsSegments sms = channel == Channel.SMS ? SmsSegments.of(text) : null;
        String hash = Hashing.sha256("switchboard-rendered-v1", channel.name(), subject, text, html);
        return new Rendered(channel, subject, text, html, sms, hash);
    }
}
