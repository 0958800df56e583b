package dev.switchboard.app.console.sequences;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Step;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** The kinds of step the palette places, each with the settings a new one starts with. */
public enum Palette {
    VOICE("Voice call", "voice"), SMS("SMS", "sms"), EMAIL("Email", "email"), WAIT("Wait", "wait"),
    BRANCH("Branch", "branch"), EXIT("Exit", "exit");

    private final String label;
    private final String idPrefix;

    Palette(String label, String idPrefix) {
        this.label = label;
        this.idPrefix = idPrefix;
    }

    public String label() {
        return label;
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** The channel of a touch kind, empty for the others. */
    public Optional<Channel> channel() {
        return switch (this) {
            case VOICE -> Optional.of(Channel.VOICE);
            case SMS -> Optional.of(Channel.SMS);
            case EMAIL -> Optional.of(Channel.EMAIL);
            default -> Optional.empty();
        };
    }

    /** A new step of this kind; a touch uses {@code template} (may be blank: the validator then asks for one). */
    public Step create(String id, String template) {
        return switch (this) {
            case VOICE -> new Step.Touch(id, Channel.VOICE, template, 3, Duration.ofHours(2),
                    Optional.of(dev.switchboard.model.sequence.StepWindow.daily(LocalTime.of(9, 0),
                            LocalTime.of(21, 0))), List.of());
            case SMS -> new Step.Touch(id, Channel.SMS, template, 2, Duration.ofHours(2), Optional.empty(), List.of());
            case EMAIL -> new Step.Touch(id, Channel.EMAIL, template, 1, Duration.ofHours(4), Optional.empty(),
                    List.of());
            case WAIT -> new Step.Wait(id, Optional.of(Duration.ofDays(1)), Optional.empty(), List.of());
            case BRANCH -> new Step.Branch(id, BranchOn.EVENT, "CONVERTED", List.of());
            case EXIT -> new Step.Exit(id, "completed");
        };
    }

    /** The palette kind a step is of. */
    public static Palette of(Step step) {
        return switch (step) {
            case Step.Touch t -> switch (t.channel()) {
                case VOICE -> VOICE;
                case SMS -> SMS;
                case EMAIL -> EMAIL;
            };
            case Step.Wait w -> WAIT;
            case Step.Branch b -> BRANCH;
            case Step.Exit x -> EXIT;
        };
    }
}
