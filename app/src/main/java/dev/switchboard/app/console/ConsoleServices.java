package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.CampaignBackend;
import dev.switchboard.app.console.campaigns.CampaignsView;
import dev.switchboard.app.console.campaigns.CampaignsViewModel;
import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.EngineMonitor;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.app.console.imports.ImportWizardViewModel;
import dev.switchboard.app.console.imports.Importer;
import dev.switchboard.app.console.lists.ListsView;
import dev.switchboard.app.console.lists.ListsViewModel;
import dev.switchboard.engine.contacts.ContactDirectory;

import java.util.function.BooleanSupplier;

/**
 * What the screens are built from once the store is open, and the wiring of the Lists screen and its wizard and of
 * the Campaigns screen.
 * Tests build the same screens from a real or a fake directory.
 *
 * @param stopping true once the console shuts down; running imports stop then
 */
public record ConsoleServices(ContactDirectory directory, Importer importer, TaskRunner tasks,
                              DialogService dialogs, BooleanSupplier stopping) {

    /** The Lists screen with its view model (which starts reading the lists) and its wizard factory. */
    public ListsView listsView() {
        ListsViewModel vm = new ListsViewModel(directory, tasks, dialogs);
        ListsView view = new ListsView(vm, () -> new ImportWizardViewModel(importer, tasks, dialogs,
                vm.lists(), stopping));
        vm.refresh();
        return view;
    }

    /** The Campaigns screen over {@code backend}, live with {@code engine}'s events once the shell starts it. */
    public CampaignsView campaignsView(CampaignBackend backend, EngineMonitor engine) {
        return new CampaignsView(new CampaignsViewModel(backend, engine, tasks, dialogs));
    }
}
