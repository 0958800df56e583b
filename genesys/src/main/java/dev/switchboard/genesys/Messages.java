package dev.switchboard.genesys;

import java.util.List;

/** Public shapes of agentless sends and message status. All records are immutable. */
public final class Messages {

    private Messages() {
    }

    /** SMS bodies longer than this (UTF-16 units, as Genesys counts characters) are refused before sending. */
    public static final int MAX_SMS_TEXT = 765;

    /**
     * An agentless SMS.
     *
     * @param fromAddress a provisioned SMS number, E.164
     * @param toAddress   the recipient, E.164
     * @param textBody    the rendered text, at most {@link #MAX_SMS_TEXT} characters
     * @param useExistingActiveConversation Genesys' flag; false fails the send if a conversation is active
     */
    public record Sms(String fromAddress, String toAddress, String textBody, boolean useExistingActiveConversation) {

        public Sms(String fromAddress, String toAddress, String textBody) {
            this(fromAddress, toAddress, textBody, false);
        }
    }

    /** An email address with an optional display name. */
    public record EmailAddress(String email, String name) {

        public static EmailAddress of(String email) {
            return new EmailAddress(email, null);
        }
    }

    /** An agentless email to exactly one recipient; {@code replyTo} is optional, one of the bodies is required. */
    public record Email(EmailAddress from, EmailAddress to, EmailAddress replyTo, String subject, String textBody,
            String htmlBody) {
    }

    /** What Genesys returned for an accepted send: store both ids. */
    public record SendReceipt(String messageId, String conversationId, String timestamp) {
    }

    /** Our reading of a message status. */
    public enum Delivery {
        PENDING,
        DELIVERED,
        FAILED,
        OTHER;

        static Delivery of(String status) {
            if (status == null) {
                return OTHER;
            }
            return switch (status) {
                case "queued", "sent" -> PENDING;
                case "delivery-success", "read" -> DELIVERED;
                case "failed", "delivery-failed" -> FAILED;
                default -> OTHER;
            };
        }
    }

    /** A failure reason of a receipt, e.g. {@code RecipientOptedOut}. */
    public record Reason(String code, String message) {
    }

    /** One normalized receipt. */
    public record Receipt(String id, String status, Boolean isFinalReceipt, List<Reason> reasons) {
    }

    /**
     * A message status ({@code MessageData}).
     *
     * @param status Genesys status: queued, sent, failed, delivery-success, delivery-failed, read, ...
     */
    public record MessageStatus(String id, String conversationId, String status, String timestamp,
            String toAddress, List<Receipt> receipts) {

        /** The status mapped to pending / delivered / failed. */
        public Delivery delivery() {
            return Delivery.of(status);
        }

        /** Whether a receipt is final. */
        public boolean finalReceipt() {
            return receipts != null && receipts.stream().anyMatch(r -> Boolean.TRUE.equals(r.isFinalReceipt()));
        }

        /** Every failure reason code across the receipts. */
        public List<String> reasonCodes() {
            return receipts == null ? List.of() : receipts.stream()
                    .filter(r -> r.reasons() != null)
                    .flatMap(r -> r.reasons().stream())
                    .map(Reason::code)
                    .toList();
        }

        /** Whether the recipient opted out (an opt-out to record). */
        public boolean recipientOptedOut() {
            return reasonCodes().contains("RecipientOptedOut");
        }
    }

    /** A message with its text and direction (an inbound reply, typically). */
    public record TextMessage(String id, String conversationId, String fromAddress, String toAddress,
                              boolean inbound, String timestamp, String text) {
    }

    /** A message the customer sent on a conversation: its id, the customer's address and when it came in. */
    public record InboundRef(String id, String conversationId, String fromAddress, String timestamp) {
    }
}
