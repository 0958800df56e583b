package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.campaigns.CampaignsView;
import dev.switchboard.app.console.lists.ListsView;

/** The screens the shell shows once the store is open. */
public record Screens(ListsView lists, CampaignsView campaigns) {
}
