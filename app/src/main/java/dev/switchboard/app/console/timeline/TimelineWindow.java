package dev.switchboard.app.console.timeline;

import dev.switchboard.app.console.common.Ui;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a contact's timeline in a window of its own beside the console (several may be open at once). */
public final class TimelineWindow {
    private TimelineWindow() {
    }

    /** Shows the timeline of {@code key} in {@code list}; the view model starts reading it. */
    public static Stage open(Window owner, TimelineViewModel vm, String list, String key) {
        Stage stage = new Stage();
        stage.setTitle("Timeline · " + key + " · " + list);
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(new TimelineView(vm).root(), 1180, 820);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        vm.titleProperty().addListener((obs, was, now) -> stage.setTitle("Timeline · " + now + " · " + list));
        vm.load(list, key);
        stage.show();
        return stage;
    }
}
