package dev.switchboard.sandbox;

import java.time.Instant;

/**
 * One touch the sandbox delivered to a person: an SMS or email handed to the carrier or provider, or a call placed.
 *
 * @param at             virtual time of the touch
 * @param channel        {@code sms}, {@code email} or {@code voice}
 * @param address        E.164 number or lower-cased email address
 * @param contentSha256  hex SHA-256 of the content (SMS text; email subject, text and HTML body; for calls the
 *                       SHA-256 of the empty string)
 * @param campaignId     Genesys campaign id when a campaign made the touch, else null
 * @param conversationId conversation id
 * @param messageId      message id (for calls: the call's participant id)
 */
public record LedgerEntry(Instant at, String channel, String address, String contentSha256, String campaignId,
                          String conversationId, String messageId) {
}
