package dev.switchboard.genesys;

import dev.switchboard.model.redact.LogMask;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Agentless SMS and email, message status and email conversations. Sends are never retried by the client once
 * the request may have left: the caller gets {@link SendOutcomeUnknownException}. Thread-safe.
 */
public final class MessagingApi {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessagingApi.class);

    static final int MAX_BULK_STATUS = 1000;

    record AgentlessSmsRequest(String fromAddress, String toAddress, String toAddressMessengerType, String textBody,
            Boolean useExistingActiveConversation) {
    }

    record AgentlessSmsResponse(String id, String conversationId, String timestamp, MessageDataWire message) {
    }

    record AgentlessEmailRequest(String senderType, Messages.EmailAddress fromAddress,
            List<Messages.EmailAddress> toAddresses, Messages.EmailAddress replyToAddress, String subject,
            String textBody, String htmlBody) {
    }

    record AgentlessEmailResponse(String id, String conversationId, String dateCreated) {
    }

    record ReceiptWire(String id, String status, Boolean isFinalReceipt, List<Messages.Reason> reasons) {
    }

    record MessageDataWire(String id, String conversationId, String status, String timestamp, String toAddress,
            List<ReceiptWire> normalizedReceipts) {

        Messages.MessageStatus toStatus(String fallbackConversationId) {
            List<Messages.Receipt> receipts = normalizedReceipts == null ? List.of() : normalizedReceipts.stream()
                    .map(r -> new Messages.Receipt(r.id(), r.status(), r.isFinalReceipt(),
                            r.reasons() == null ? List.of() : r.reasons()))
                    .toList();
            return new Messages.MessageStatus(id, conversationId != null ? conversationId : fallbackConversationId,
                    status, timestamp, toAddress, receipts);
        }
    }

    record MessageListingWire(List<MessageDataWire> entities) {
    }

    record NormalizedWire(String text) {
    }

    record TextMessageWire(String id, String conversationId, String fromAddress, String toAddress, String direction,
                           String timestamp, String textBody, NormalizedWire normalizedMessage) {
    }

    record MessageDetailsWire(String messageId, String messageTime) {
    }

    record ParticipantWire(String purpose, String address, List<MessageDetailsWire> messages) {
    }

    record MessageConversationWire(String id, List<ParticipantWire> participants) {
    }

    private final ApiTransport transport;

    MessagingApi(ApiTransport transport) {
        this.transport = transport;
    }

    /**
     * Sends one agentless SMS ({@code toAddressMessengerType} "sms").
     *
     * @throws InvalidRequestException      before sending: no text, text over 765 characters, missing addresses
     * @throws SendOutcomeUnknownException  the request may have been delivered (timeout, reset, 5xx)
     * @throws GenesysApiException          Genesys refused it (4xx); nothing was sent
     */
    public Messages.SendReceipt sendSms(Messages.Sms sms) {
        return sendSms(sms, Departure.ALWAYS);
    }

    /**
     * Sends one SMS if {@code departure} is still clear once the request budget grants it (a text waits for the
     * budget behind others; its window may close meanwhile).
     *
     * @throws NotSentException {@code departure} withdrew it: nothing was sent
     */
    public Messages.SendReceipt sendSms(Messages.Sms sms, Departure departure) {
        if (sms.fromAddress() == null || sms.fromAddress().isBlank()) {
            throw new InvalidRequestException("SMS has no fromAddress (a provisioned SMS number)");
        }
        if (sms.toAddress() == null || sms.toAddress().isBlank()) {
            throw new InvalidRequestException("SMS has no toAddress");
        }
        if (sms.textBody() == null || sms.textBody().isEmpty()) {
            throw new InvalidRequestException("SMS has no textBody; Genesys requires one for SMS");
        }
        if (sms.textBody().length() > Messages.MAX_SMS_TEXT) {
            throw new InvalidRequestException("SMS textBody is " + sms.textBody().length()
                    + " characters; Genesys accepts at most " + Messages.MAX_SMS_TEXT + " for agentless SMS");
        }
        var body = new AgentlessSmsRequest(sms.fromAddress(), sms.toAddress(), "sms", sms.textBody(),
                sms.useExistingActiveConversation());
        AgentlessSmsResponse r = transport.json(ApiCall.post("/api/v2/conversations/messages/agentless")
                .body(body).mode(ApiCall.Mode.SEND).priority(Priority.SEND).departure(departure),
                AgentlessSmsResponse.class);
        if (r == null || r.id() == null || r.conversationId() == null) {
            throw new SendOutcomeUnknownException("POST /api/v2/conversations/messages/agentless",
                    new GenesysException("the answer carried no message or conversation id"));
        }
        LOG.debug("SMS to {} accepted: message {} in conversation {}", LogMask.phone(sms.toAddress()), r.id(),
                r.conversationId());
        return new Messages.SendReceipt(r.id(), r.conversationId(), r.timestamp());
    }

    /**
     * Sends one agentless email (senderType Outbound) to exactly one recipient.
     *
     * @throws InvalidRequestException     before sending: missing addresses, no body
     * @throws SendOutcomeUnknownException the request may have been delivered
     */
    public Messages.SendReceipt sendEmail(Messages.Email email) {
        return sendEmail(email, Departure.ALWAYS);
    }

    /**
     * Sends one email if {@code departure} is still clear once the request budget grants it.
     *
     * @throws NotSentException {@code departure} withdrew it: nothing was sent
     */
    public Messages.SendReceipt sendEmail(Messages.Email email, Departure departure) {
        if (email.from() == null || email.from().email() == null) {
            throw new InvalidRequestException("email has no from address");
        }
        if (email.to() == null || email.to().email() == null || email.to().email().isBlank()) {
            throw new InvalidRequestException("email needs exactly one recipient");
        }
        if (email.textBody() == null && email.htmlBody() == null) {
            throw new InvalidRequestException("email has neither textBody nor htmlBody");
        }
        var body = new AgentlessEmailRequest("Outbound", email.from(), List.of(email.to()), email.replyTo(),
                email.subject(), email.textBody(), email.htmlBody());
        AgentlessEmailResponse r = transport.json(ApiCall.post("/api/v2/conversations/emails/agentless")
                .body(body).mode(ApiCall.Mode.SEND).priority(Priority.SEND).departure(departure),
                AgentlessEmailResponse.class);
        if (r == null || r.conversationId() == null) {
            throw new SendOutcomeUnknownException("POST /api/v2/conversations/emails/agentless",
                    new GenesysException("the answer carried no conversation id"));
        }
        LOG.debug("Email to {} accepted: conversation {}", LogMask.email(email.to().email()), r.conversationId());
        return new Messages.SendReceipt(r.id(), r.conversationId(), r.dateCreated());
    }

    /** The status of one message. */
    public Messages.MessageStatus messageStatus(String conversationId, String messageId) {
        MessageDataWire m = transport.json(ApiCall.get("/api/v2/conversations/messages/{}/messages/{}",
                conversationId, messageId), MessageDataWire.class);
        return m.toStatus(conversationId);
    }

    /**
     * One message with its text ({@code MessageData}: {@code normalizedMessage.text}, else {@code textBody}), e.g.
     * an inbound reply announced on a queue topic without its text.
     */
    public Messages.TextMessage message(String conversationId, String messageId) {
        TextMessageWire m = transport.json(ApiCall.get("/api/v2/conversations/messages/{}/messages/{}",
                conversationId, messageId), TextMessageWire.class);
        String text = m.normalizedMessage() != null && m.normalizedMessage().text() != null
                ? m.normalizedMessage().text() : m.textBody();
        return new Messages.TextMessage(m.id(), conversationId, m.fromAddress(), m.toAddress(),
                "inbound".equalsIgnoreCase(m.direction()), m.timestamp(), text == null ? "" : text);
    }

    /**
     * The customer's messages in one message conversation ({@code GET /api/v2/conversations/messages/{id}}: the
     * customer participant carries the messages it sent), e.g. replies to a text when the inbound queue's topic
     * cannot be delivered. A polling read.
     */
    public List<Messages.InboundRef> inboundMessages(String conversationId) {
        MessageConversationWire c = transport.json(ApiCall.get("/api/v2/conversations/messages/{}", conversationId),
                MessageConversationWire.class);
        List<Messages.InboundRef> out = new ArrayList<>();
        if (c == null || c.participants() == null) {
            return out;
        }
        for (ParticipantWire p : c.participants()) {
            if (!"customer".equalsIgnoreCase(p.purpose()) || p.messages() == null) {
                continue;
            }
            for (MessageDetailsWire m : p.messages()) {
                if (m.messageId() != null) {
                    out.add(new Messages.InboundRef(m.messageId(), conversationId, p.address(), m.messageTime()));
                }
            }
        }
        return out;
    }

    /** The statuses of messages of one conversation, in requests of at most 1000 ids. */
    public List<Messages.MessageStatus> messageStatuses(String conversationId, List<String> messageIds) {
        List<Messages.MessageStatus> out = new ArrayList<>();
        for (List<String> chunk : Batches.chunks(messageIds, MAX_BULK_STATUS)) {
            MessageListingWire listing = transport.json(ApiCall.post(
                    "/api/v2/conversations/messages/{}/messages/bulk", conversationId)
                    .body(chunk).mode(ApiCall.Mode.REPEATABLE), MessageListingWire.class);
            if (listing != null && listing.entities() != null) {
                listing.entities().forEach(m -> out.add(m.toStatus(conversationId)));
            }
        }
        return out;
    }

    /** An email conversation ({@code EmailConversation}) as JSON. */
    public JsonNode emailConversation(String conversationId) {
        return Json.tree(transport.execute(ApiCall.get("/api/v2/conversations/emails/{}", conversationId)).body());
    }

    /** The messages of an email conversation ({@code EmailMessagePreviewListing}) as JSON. */
    public JsonNode emailMessages(String conversationId) {
        return Json.tree(transport.execute(ApiCall.get("/api/v2/conversations/emails/{}/messages", conversationId))
                .body());
    }
}
