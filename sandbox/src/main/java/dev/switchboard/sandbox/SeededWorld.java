package dev.switchboard.sandbox;

import java.time.Duration;

/**
 * The sandbox's simulated people, for programs that model a campaign without running the sandbox (the forecast):
 * the same pure functions of (seed, address) that the running sandbox answers with, so a forecast on seed N meets
 * the people a sandbox started with {@code --seed N} would. No state, no HTTP.
 */
public final class SeededWorld {
    private final World world;

    private SeededWorld(long seed) {
        this.world = new World(seed);
    }

    /** The world of a sandbox started with this seed (the sandbox's default is 1). */
    public static SeededWorld of(long seed) {
        return new SeededWorld(seed);
    }

    /** True for numbers whose carrier rejects SMS (delivery-failed, InvalidDestination). */
    public boolean smsUndeliverable(String address) {
        return world.smsUndeliverable(address);
    }

    /** From "sent" to the final delivery receipt. */
    public Duration smsDeliveryDelay(String address) {
        return world.deliveryDelay(address);
    }

    /**
     * How the recipient answers the first SMS: {@code STOP}, {@code STOP_THEN_START}, {@code HELP}, {@code PLS_STOP}
     * (a free-text revocation), {@code FREE_TEXT} or {@code NONE}.
     */
    public String smsReply(String address) {
        return world.smsReply(address).name();
    }

    /** From the SMS arriving to the reply. */
    public Duration smsReplyDelay(String address) {
        return world.replyDelay(address);
    }

    /** What the email provider reports for an address: {@code BOUNCE}, {@code UNSUBSCRIBE} or {@code NONE}. */
    public String emailFate(String address) {
        return world.emailFate(address).name();
    }

    /** From the send to the provider's bounce or unsubscribe report. */
    public Duration emailFateDelay(String address) {
        World.EmailFate fate = world.emailFate(address);
        return fate == World.EmailFate.NONE ? Duration.ZERO : world.emailFateDelay(address, fate);
    }

    /**
     * The result of call attempt {@code attempt} (1-based) that the dialer places to {@code address}: {@code SALE,
     * ANSWERED, NO_ANSWER, BUSY, MACHINE, WRONG_NUMBER, DO_NOT_CALL}.
     */
    public String callOutcome(String address, int attempt) {
        return world.callOutcome(address, attempt).name();
    }

    /** How long a call with that outcome lasts. */
    public Duration callLength(String address, int attempt) {
        return Duration.ofSeconds(world.callSeconds(address, world.callOutcome(address, attempt)));
    }
}
