package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.campaigns.CampaignsView;
import dev.switchboard.app.console.lists.ListsView;
import dev.switchboard.app.console.settings.SettingsView;

/** The screens the shell shows once the store is open; {@code settings} may be null (tests of other screens). */
public record Screens(ListsView lists, CampaignsView campaigns, SettingsView settings) {

    public Screens(ListsView lists, CampaignsView campaigns) {
        this(lists, campaigns, null);
    }
}
