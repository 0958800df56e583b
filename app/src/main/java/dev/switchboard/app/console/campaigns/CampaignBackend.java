package dev.switchboard.app.console.campaigns;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.CampaignService.CampaignException;
import dev.switchboard.engine.forecast.Forecast;
import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.contact.Channel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the Campaigns screen needs of the store and the engine. Every method blocks on the store (and some on the
 * org): call them on a worker. Actions take the acting profile's credentials and authenticate them first; a wrong
 * password or a role that may not act is a {@link PermissionDeniedException}.
 */
public interface CampaignBackend {

    /** The acting profile, as typed into a confirmation. */
    record Credentials(String profile, char[] password) {
    }

    /**
     * A campaign in the list.
     *
     * @param enrolled             contacts enrolled (0 before launch)
     * @param done                 of those, how many have ended their sequence
     * @param lifeSafetyApprovedBy the second person who approved a life-safety campaign, or null
     */
    record Summary(CampaignService.View view, int enrolled, int done, String lifeSafetyApprovedBy) {
        public String name() {
            return view.name();
        }

        public CampaignState state() {
            return CampaignState.of(view);
        }

        public boolean lifeSafety() {
            return "life_safety".equals(view.purpose());
        }
    }

    /** A sequence with published versions, and the channels each version sends on. */
    record SequenceChoice(String key, String name, Map<Integer, Set<Channel>> versions) {
        public int latest() {
            return versions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** What a new campaign can be made of. */
    record Choices(List<String> lists, List<SequenceChoice> sequences) {
    }

    List<Summary> campaigns();

    CampaignService.Stats stats(String name) throws CampaignException;

    Choices choices();

    CampaignService.View create(Credentials by, CampaignService.Spec spec) throws PermissionDeniedException,
            CampaignException;

    /** Runs the launch checks against the connected org (none when the engine is not running: that check fails). */
    CampaignService.LaunchReport launch(Credentials by, String name) throws PermissionDeniedException,
            CampaignException;

    CampaignService.View approveLifeSafety(Credentials by, String name, String reason)
            throws PermissionDeniedException, CampaignException;

    CampaignService.View pause(Credentials by, String name, String reason) throws PermissionDeniedException,
            CampaignException;

    /** {@code acknowledged}: a person looked at the circuit breaker's reason (needed after a breaker tripped). */
    CampaignService.View resume(Credentials by, String name, String reason, boolean acknowledged)
            throws PermissionDeniedException, CampaignException;

    CampaignService.View stop(Credentials by, String name, String reason) throws PermissionDeniedException,
            CampaignException;

    void killSwitch(Credentials by, boolean on, String reason) throws PermissionDeniedException, CampaignException;

    /** The campaign's forecast from now, over its list as it is; stops early when {@code cancelled}. */
    ForecastReport forecast(String name, Forecast.Listener progress, BooleanSupplier cancelled)
            throws CampaignException;

    /**
     * The list keys (the external ids operators know, e.g. "C-1001") of contacts by store id, for the live events;
     * ids no longer in the store are left out.
     */
    default Map<Long, String> contactKeys(Set<Long> contactIds) {
        return Map.of();
    }
}
