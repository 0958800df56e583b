package dev.switchboard.app.console.sequences;

import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.sequence.Step;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * One step on the canvas: a card with the kind's icon, the step id and a summary, a red border and a badge (its
 * problems in a tooltip) when the validator names it, a Start chip on the entry, and one row per output with the
 * dot an edge is dragged from. Laid out by {@link Cards}' geometry, which the edges and the auto-layout share.
 */
final class NodeCard extends Pane {
    final Step step;
    final List<Port> ports;
    final List<Circle> portDots = new ArrayList<>();

    NodeCard(Step step, boolean entry, boolean selected, List<String> problems) {
        this.step = step;
        this.ports = Port.of(step);
        Palette kind = Palette.of(step);
        setId("node-" + step.id());
        getStyleClass().addAll("seq-card", "seq-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        if (selected) {
            getStyleClass().add("selected");
        }
        if (!problems.isEmpty()) {
            getStyleClass().add("invalid");
        }
        double h = Cards.height(step);
        setPrefSize(Cards.WIDTH, h);
        setMinSize(Cards.WIDTH, h);
        setMaxSize(Cards.WIDTH, h);

        FontIcon icon = Ui.icon(icon(kind));
        icon.getStyleClass().add("seq-card-icon");
        Pane iconBox = new javafx.scene.layout.StackPane(icon);
        iconBox.getStyleClass().add("seq-card-icon-box");
        iconBox.resizeRelocate(10, 12, 34, 34);

        Label title = Ui.label(null, kind.label() + "  ·  " + step.id(), "seq-card-title");
        fix(title, 52, 10, Cards.WIDTH - 52 - (problems.isEmpty() ? 10 : 44), 20);
        Label summary = Ui.label(null, Steps.summary(step), "seq-card-summary");
        fix(summary, 52, 31, Cards.WIDTH - 60, 18);
        Tooltip.install(summary, tip(Steps.summary(step)));
        getChildren().addAll(iconBox, title, summary);

        if (entry) {
            Label start = Ui.label(null, "START", "seq-start-chip");
            start.setId("entry-chip");
            start.resizeRelocate(-2, -11, 46, 18);
            start.setAlignment(Pos.CENTER);
            getChildren().add(start);
        }
        if (!problems.isEmpty()) {
            FontIcon alert = Ui.icon(Feather.ALERT_TRIANGLE);
            Label badge = new Label(String.valueOf(problems.size()), alert);
            badge.setId("badge-" + step.id());
            badge.getStyleClass().add("seq-badge");
            badge.resizeRelocate(Cards.WIDTH - 40, 8, 34, 20);
            Tooltip t = tip(String.join("\n", problems));
            t.setShowDelay(Duration.millis(150));
            Tooltip.install(badge, t);
            Tooltip.install(this, tip(String.join("\n", problems)));
            getChildren().add(badge);
        }
        Circle input = new Circle(Cards.inputOffset().x(), Cards.inputOffset().y(), 5);
        input.getStyleClass().add("seq-input");
        getChildren().add(input);

        if (!ports.isEmpty()) {
            Pane divider = new Pane();
            divider.getStyleClass().add("seq-card-divider");
            divider.resizeRelocate(0, Cards.HEADER - 4, Cards.WIDTH, 1);
            getChildren().add(divider);
        }
        for (int i = 0; i < ports.size(); i++) {
            Port p = ports.get(i);
            Point at = Cards.portOffset(i);
            boolean connected = step.edges().stream().anyMatch(p::matches);
            Label name = Ui.label(null, p.display(step), "seq-port-label");
            name.setAlignment(Pos.CENTER_RIGHT);
            fix(name, 12, at.y() - 10, Cards.WIDTH - 30, 20);
            Circle dot = new Circle(at.x(), at.y(), 6);
            dot.setId("port-" + step.id() + "-" + p.display(step).replace(' ', '_'));
            dot.getStyleClass().addAll("seq-port", connected ? "connected" : "open");
            Tooltip.install(dot, tip("Drag to a step: where to go on " + p.display(step)));
            portDots.add(dot);
            getChildren().addAll(name, dot);
        }
    }

    /** Places a label; a Pane sizes children to their preferred size, so the size is pinned (long text ellipsized). */
    private static void fix(Label l, double x, double y, double w, double h) {
        l.setMinSize(0, h);
        l.setPrefSize(w, h);
        l.setMaxSize(w, h);
        l.relocate(x, y);
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    static Ikon icon(Palette kind) {
        return switch (kind) {
            case VOICE -> Feather.PHONE;
            case SMS -> Feather.MESSAGE_SQUARE;
            case EMAIL -> Feather.MAIL;
            case WAIT -> Feather.CLOCK;
            case BRANCH -> Feather.GIT_BRANCH;
            case EXIT -> Feather.FLAG;
        };
    }
}
