package dev.switchboard.model.redact.logback;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.model.redact.LogMask;

/**
 * {@code %msg} with {@link LogMask#line} applied to the formatted message (so to every argument too): no credential,
 * no full phone number or email local part, and no line break. Registered over {@code msg}, {@code m} and
 * {@code message} in every logback configuration of Switchboard.
 */
public class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogMask.line(super.convert(event));
    }
}
