package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.campaigns.CampaignService.CampaignException;
import dev.switchboard.engine.users.PermissionDeniedException;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs an audited action of the Campaigns screen: asks for the reason and the acting profile, does the work on a
 * worker, shows a refusal as an error dialog. Remembers the last profile that acted, to suggest it next time.
 */
final class Actions {
    /** The work of an action, given the confirmation. */
    @FunctionalInterface
    interface Work<T> {
        T run(CampaignBackend.Credentials by, String reason) throws PermissionDeniedException, CampaignException;
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private String lastProfile;

    Actions(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Asks, then runs {@code work}; {@code done} gets its result on the UI thread, {@code after} runs either way. */
    <T> boolean run(String title, String message, String action, boolean needsReason, boolean danger, Work<T> work,
                    Consumer<? super T> done, Runnable after) {
        Optional<DialogService.Confirmation> answer = dialogs.confirm(new DialogService.ConfirmRequest(title, message,
                action, needsReason, danger, lastProfile));
        if (answer.isEmpty()) {
            return false;
        }
        DialogService.Confirmation c = answer.get();
        lastProfile = c.profile();
        CampaignBackend.Credentials by = new CampaignBackend.Credentials(c.profile(), c.password());
        tasks.task(() -> work.run(by, c.reason()))
                .onSuccess(done)
                .onFailure(e -> dialogs.showError(title + " — refused", message(e)))
                .andFinally(after)
                .start();
        return true;
    }

    String lastProfile() {
        return lastProfile;
    }

    void rememberProfile(String profile) {
        lastProfile = profile;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
