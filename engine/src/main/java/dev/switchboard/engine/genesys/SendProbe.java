package dev.switchboard.engine.genesys;

import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.Messages;
import dev.switchboard.genesys.Org;

import java.time.Instant;
import java.util.List;

/**
 * Sends one agentless SMS and one agentless email to an org, sandbox or real, through the production client: the
 * quickest proof that a connection works end to end.
 */
public final class SendProbe {
    private SendProbe() {
    }

    /**
     * @param fromNumber the SMS sender; null for the org's first provisioned SMS number
     * @param fromEmail  the email sender, an address of one of the org's outbound domains
     */
    public record Request(String toNumber, String toEmail, String fromNumber, String fromEmail) {
    }

    /** The ids Genesys gave one accepted send. */
    public record Sent(String messageId, String conversationId) {
        static Sent of(Messages.SendReceipt receipt) {
            return new Sent(receipt.messageId(), receipt.conversationId());
        }
    }

    public record Result(String smsFrom, Sent sms, Sent email) {
    }

    /** Blocks for the two sends; throws the client's exceptions (auth, validation, outcome unknown …). */
    public static Result run(OrgConnection org, Request request) {
        try (GenesysClient client = org.client()) {
            String from = request.fromNumber();
            if (from == null) {
                List<Org.SmsPhoneNumber> numbers = client.organization().smsPhoneNumbers();
                if (numbers.isEmpty()) {
                    throw new IllegalStateException("the org has no SMS number; name one with --from-number");
                }
                from = numbers.getFirst().phoneNumber();
            }
            String stamp = Instant.now().toString();
            Messages.SendReceipt sms = client.messaging().sendSms(new Messages.Sms(from, request.toNumber(),
                    "Switchboard send test " + stamp + ". Reply STOP to opt out."));
            Messages.SendReceipt email = client.messaging().sendEmail(new Messages.Email(
                    Messages.EmailAddress.of(request.fromEmail()), Messages.EmailAddress.of(request.toEmail()), null,
                    "Switchboard send test", "Switchboard send test " + stamp + ".", null));
            return new Result(from, Sent.of(sms), Sent.of(email));
        }
    }
}
