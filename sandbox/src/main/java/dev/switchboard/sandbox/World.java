package dev.switchboard.sandbox;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The simulated people behind the addresses. Every answer is a pure function of (seed, address[, attempt]) through
 * SHA-256, so the same seed gives the same world in every run and in every thread; no shared random state.
 */
final class World {

    /** How a recipient answers the first SMS sent to them. */
    enum SmsReply {
        /** Replies STOP. */
        STOP,
        /** Replies STOP, and START a day later. */
        STOP_THEN_START,
        /** Replies HELP. */
        HELP,
        /** Replies "pls stop texting me" (no keyword, so no platform opt-out). */
        PLS_STOP,
        /** Replies some free text. */
        FREE_TEXT,
        /** Does not reply. */
        NONE
    }

    /** What the email service provider reports for an address. */
    enum EmailFate { BOUNCE, UNSUBSCRIBE, NONE }

    /** The result of one call attempt. */
    enum CallOutcome { SALE, ANSWERED, NO_ANSWER, BUSY, MACHINE, WRONG_NUMBER, DO_NOT_CALL }

    static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");
    static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");
    private static final String[] FREE_TEXTS = {
        "Who is this?", "Thanks, got it", "Can you call me after 5?", "ok", "Wrong number"};

    private final long seed;

    World(long seed) {
        this.seed = seed;
    }

    /** A uniform number in [0, 1) for (seed, purpose, key). */
    double unit(String purpose, String key) {
        byte[] h = TokenService.sha256(seed + "|" + purpose + "|" + key);
        long bits = ByteBuffer.wrap(h).getLong() >>> 11;
        return bits / (double) (1L << 53);
    }

    static String normalize(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }

    SmsReply smsReply(String address) {
        double u = unit("sms.reply", normalize(address));
        if (u < 0.10) {
            return SmsReply.STOP;
        } else if (u < 0.14) {
            return SmsReply.STOP_THEN_START;
        } else if (u < 0.20) {
            return SmsReply.HELP;
        } else if (u < 0.25) {
            return SmsReply.PLS_STOP;
        } else if (u < 0.35) {
            return SmsReply.FREE_TEXT;
        }
        return SmsReply.NONE;
    }

    String freeText(String address) {
        return FREE_TEXTS[(int) (unit("sms.text", normalize(address)) * FREE_TEXTS.length)];
    }

    /** Virtual delay between an SMS arriving and the recipient's reply: 1 to 30 minutes. */
    Duration replyDelay(String address) {
        return Duration.ofSeconds(60 + (long) (unit("sms.reply.delay", normalize(address)) * 29 * 60));
    }

    /** True for numbers the carrier rejects (delivery-failed, InvalidDestination). */
    boolean smsUndeliverable(String address) {
        return unit("sms.invalid", normalize(address)) < 0.04;
    }

    /** Virtual delay from "sent" to the final delivery receipt: 2 to 20 seconds. */
    Duration deliveryDelay(String address) {
        return Duration.ofMillis(2000 + (long) (unit("sms.delivery", normalize(address)) * 18_000));
    }

    EmailFate emailFate(String address) {
        double u = unit("email.fate", normalize(address));
        if (u < 0.06) {
            return EmailFate.BOUNCE;
        } else if (u < 0.10) {
            return EmailFate.UNSUBSCRIBE;
        }
        return EmailFate.NONE;
    }

    /** Virtual delay before the provider reports a bounce (seconds) or an unsubscribe (hours). */
    Duration emailFateDelay(String address, EmailFate fate) {
        double u = unit("email.fate.delay", normalize(address));
        return fate == EmailFate.BOUNCE ? Duration.ofSeconds(5 + (long) (u * 120))
                : Duration.ofMinutes(10 + (long) (u * 600));
    }

    /** The outcome of call attempt number {@code attempt} (1-based) to {@code address}. */
    CallOutcome callOutcome(String address, int attempt) {
        String a = normalize(address);
        if (unit("voice.wrong", a) < 0.05) {
            return CallOutcome.WRONG_NUMBER;
        }
        double u = unit("voice.outcome." + attempt, a);
        if (u < 0.40) {
            double c = unit("voice.convert", a);
            if (c < 0.30) {
                return CallOutcome.SALE;
            } else if (c < 0.36) {
                return CallOutcome.DO_NOT_CALL;
            }
            return CallOutcome.ANSWERED;
        } else if (u < 0.65) {
            return CallOutcome.NO_ANSWER;
        } else if (u < 0.75) {
            return CallOutcome.BUSY;
        }
        return CallOutcome.MACHINE;
    }

    /** Virtual length of a call with this outcome, in seconds. */
    int callSeconds(String address, CallOutcome outcome) {
        double u = unit("voice.duration", normalize(address));
        return switch (outcome) {
            case SALE, ANSWERED, DO_NOT_CALL -> 60 + (int) (u * 240);
            case MACHINE -> 20 + (int) (u * 20);
            case NO_ANSWER -> 30;
            case BUSY, WRONG_NUMBER -> 5;
        };
    }
}
