package dev.switchboard.app.console.campaigns;

import dev.switchboard.engine.campaigns.CampaignService;

import java.util.Locale;

/** A campaign's state as its chip shows it; a campaign a circuit breaker paused is a state of its own here. */
public enum CampaignState {
    DRAFT("Draft"),
    RUNNING("Running"),
    PAUSED("Paused"),
    BREAKER("Breaker tripped"),
    STOPPED("Stopped"),
    COMPLETED("Completed");

    private final String label;

    CampaignState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The style class of its chip: {@code chip-draft}, {@code chip-breaker} … */
    public String styleClass() {
        return "chip-" + name().toLowerCase(Locale.ROOT);
    }

    public static CampaignState of(CampaignService.View v) {
        return switch (v.state()) {
            case "running" -> RUNNING;
            case "paused" -> v.stateReason() != null && v.stateReason().startsWith(CampaignService.BREAKER_PREFIX)
                    ? BREAKER : PAUSED;
            case "stopped" -> STOPPED;
            case "completed" -> COMPLETED;
            default -> DRAFT;
        };
    }
}
