package dev.switchboard.app.forecast;

import dev.switchboard.engine.forecast.OutcomeModel;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.sandbox.SeededWorld;
import java.time.Duration;
import java.util.Optional;

/**
 * The forecast's people are the sandbox's: its seeded world, with its answers mapped as the engine maps what the
 * sandbox reports (a STOP or a free-text revocation opts out; a "do not call" wrap-up opts out; an answering machine
 * is no answer; a wrong number fails as an invalid destination; a sale converts).
 */
public final class SandboxOutcomes implements OutcomeModel {
    private final SeededWorld world;

    public SandboxOutcomes(long seed) {
        this.world = SeededWorld.of(seed);
    }

    @Override
    public Sms sms(String address) {
        Duration receipt = world.smsDeliveryDelay(address);
        if (world.smsUndeliverable(address)) {
            return new Sms(false, FailureReason.INVALID_DESTINATION, receipt, false, Duration.ZERO);
        }
        boolean optsOut = switch (world.smsReply(address)) {
            case "STOP", "STOP_THEN_START", "PLS_STOP" -> true;
            default -> false;
        };
        return new Sms(true, null, receipt, optsOut, world.smsReplyDelay(address));
    }

    @Override
    public Email email(String address) {
        String fate = world.emailFate(address);
        return new Email(fate.equals("BOUNCE"), fate.equals("UNSUBSCRIBE"), world.emailFateDelay(address));
    }

    @Override
    public Call call(String address, int attempt) {
        Duration length = world.callLength(address, attempt);
        return switch (world.callOutcome(address, attempt)) {
            case "SALE" -> new Call(Outcome.CONVERTED, Optional.empty(), length);
            case "ANSWERED" -> new Call(Outcome.ANSWERED, Optional.empty(), length);
            case "BUSY" -> new Call(Outcome.BUSY, Optional.empty(), length);
            case "WRONG_NUMBER" -> new Call(Outcome.FAILED, Optional.of(FailureReason.INVALID_DESTINATION), length);
            case "DO_NOT_CALL" -> new Call(Outcome.OPTED_OUT, Optional.empty(), length);
            default -> new Call(Outcome.NO_ANSWER, Optional.empty(), length); // no answer, answering machine
        };
    }
}
