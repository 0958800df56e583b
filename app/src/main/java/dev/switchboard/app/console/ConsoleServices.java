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
                              DialogService dialogs, BooleanSupplier stopping,
                              dev.switchboard.app.console.timeline.ContactTimelines timelines) {

    /** Without contact timelines (screens that only need the lists). */
    public ConsoleServices(ContactDirectory directory, Importer importer, TaskRunner tasks, DialogService dialogs,
                           BooleanSupplier stopping) {
        this(directory, importer, tasks, dialogs, stopping, null);
    }

    /** Opens the timeline of the contact with store id {@code contactId} (found off the UI thread). */
    public void openTimeline(long contactId) {
        tasks.run(() -> timelines.ref(contactId), ref -> ref.ifPresentOrElse(r -> openTimeline(r.list(), r.key()),
                () -> dialogs.showError("No such contact", "Contact #" + contactId + " is no longer in the store.")),
                failure -> dialogs.showError("Timeline not opened", String.valueOf(failure.getMessage())));
    }

    /** Opens a contact's timeline in its own window. */
    public void openTimeline(String list, String key) {
        dev.switchboard.app.console.timeline.TimelineWindow.open(null,
                new dev.switchboard.app.console.timeline.TimelineViewModel(timelines, tasks, dialogs), list, key);
    }

    /** The Lists screen with its view model (which starts reading the lists) and its wizard factory. */
    public ListsView listsView() {
        ListsViewModel vm = new ListsViewModel(directory, tasks, dialogs);
        if (timelines != null) {
            vm.detail().setTimelineOpener(this::openTimeline);
        }
        ListsView view = new ListsView(vm, () -> new ImportWizardViewModel(importer, tasks, dialogs,
                vm.lists(), stopping));
        vm.refresh();
        // the wizard's classes load on a worker now, not on the FX thread when Import… is first pressed
        tasks.run(() -> dev.switchboard.app.console.common.ClassPreload.packageOf(
                dev.switchboard.app.console.imports.ImportWizard.class), loaded -> { },
                failure -> org.slf4j.LoggerFactory.getLogger(ConsoleServices.class).debug("wizard not preloaded: {}",
                        failure.toString()));
        return view;
    }

    /** The Campaigns screen over {@code backend}, live with {@code engine}'s events once the shell starts it. */
    public CampaignsView campaignsView(CampaignBackend backend, EngineMonitor engine) {
        CampaignsViewModel vm = new CampaignsViewModel(backend, engine, tasks, dialogs);
        if (timelines != null) {
            vm.setTimelineOpener(this::openTimeline);
        }
        return new CampaignsView(vm);
    }
}
