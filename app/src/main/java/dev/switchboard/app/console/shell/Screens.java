package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.campaigns.CampaignsView;
import dev.switchboard.app.console.lists.ListsView;
import dev.switchboard.app.console.settings.SettingsView;
import javafx.scene.Parent;

import java.util.Map;

/**
 * The screens the shell shows once the store is open; {@code settings} may be null and {@code pages} (Templates,
 * Sequences, Compliance, Users) may lack any screen (tests of other screens): the rail offers only what is there.
 */
public record Screens(ListsView lists, CampaignsView campaigns, SettingsView settings, Map<Screen, Page> pages) {

    /** A screen of the rail: its root, and what to do each time it is shown (e.g. read anew). */
    public record Page(Parent root, Runnable onShow) {
    }

    public Screens {
        pages = Map.copyOf(pages);
    }

    public Screens(ListsView lists, CampaignsView campaigns, SettingsView settings) {
        this(lists, campaigns, settings, Map.of());
    }

    public Screens(ListsView lists, CampaignsView campaigns) {
        this(lists, campaigns, null, Map.of());
    }

    /** Whether the screen exists in this console. */
    public boolean has(Screen s) {
        return switch (s) {
            case LISTS, CAMPAIGNS -> true;
            case SETTINGS -> settings != null;
            default -> pages.containsKey(s);
        };
    }
}
