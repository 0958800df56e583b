package dev.switchboard.app.console.campaigns;

import javafx.scene.control.Label;

/** A campaign state as a small coloured chip ({@code .chip .chip-running} …). */
final class StateChip extends Label {
    StateChip() {
        getStyleClass().add("chip");
        setMinWidth(USE_PREF_SIZE);
    }

    void show(CampaignState state) {
        getStyleClass().removeIf(c -> c.startsWith("chip-"));
        if (state == null) {
            setText("");
            setVisible(false);
            return;
        }
        setVisible(true);
        setText(state.label());
        getStyleClass().add(state.styleClass());
    }
}
