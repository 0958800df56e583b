package dev.switchboard.app.console.timeline;

import dev.switchboard.app.console.timeline.TimelineViewModel.Entry;
import dev.switchboard.app.console.timeline.TimelineViewModel.Lane;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lanes of a contact's timeline drawn over time: one row per channel (and one for replies and exits), a mark per
 * entry (its shape and colour say what it was; its tooltip says the rest), the axis in the contact's time zone and a
 * line at "now". Planned entries are hollow. Redrawn when its size or the entries change.
 */
final class TimelineChart extends Region {
    static final double GUTTER = 120;
    static final double AXIS = 26;
    static final double LANE = 44;
    private static final double R = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private final ObservableList<Entry> entries;
    private final Supplier<Instant> now;
    private final Supplier<ZoneId> zone;
    private final Consumer<Entry> onPick;

    TimelineChart(ObservableList<Entry> entries, Supplier<Instant> now, Supplier<ZoneId> zone, Consumer<Entry> onPick) {
        this.entries = entries;
        this.now = now;
        this.zone = zone;
        this.onPick = onPick;
        getStyleClass().add("timeline-chart");
        setId("timelineChart");
        entries.addListener((ListChangeListener<Entry>) c -> redraw());
        widthProperty().addListener((obs, was, w) -> requestLayout());
        setMinHeight(height());
        setPrefHeight(height());
    }

    private static double height() {
        return AXIS + Lane.values().length * LANE + 8;
    }

    private int version;
    private String drawn = "";

    @Override
    protected void layoutChildren() {
        // redrawn only when what it shows changed (a redraw inside a layout pass asks for another pass)
        String key = getWidth() + "|" + version + "|" + now.get() + "|" + zone.get();
        if (key.equals(drawn)) {
            return;
        }
        drawn = key;
        List<Node> nodes = draw(getWidth());
        getChildren().setAll(nodes);
        for (Node n : nodes) {
            if (n instanceof Label l) {
                l.applyCss();
                l.autosize();
            }
        }
    }

    /** Asks for a redraw (the entries or "now" changed). */
    void redraw() {
        version++;
        requestLayout();
    }

    private List<Node> draw(double width) {
        List<Node> out = new ArrayList<>();
        Instant nowAt = now.get();
        Instant from = nowAt;
        Instant to = nowAt;
        for (Entry e : entries) {
            from = from == null || e.at().isBefore(from) ? e.at() : from;
            to = to == null || e.at().isAfter(to) ? e.at() : to;
        }
        if (from == null) {
            return out;
        }
        long span = Math.max(java.time.Duration.between(from, to).toMillis(), 3_600_000L);
        long pad = span / 20;
        long start = from.toEpochMilli() - pad;
        long end = from.toEpochMilli() + span + pad;
        double plotWidth = Math.max(50, width - GUTTER - 16);
        java.util.function.ToDoubleFunction<Instant> x = at -> GUTTER + plotWidth
                * (at.toEpochMilli() - start) / (double) (end - start);

        // lanes
        Lane[] lanes = Lane.values();
        for (int i = 0; i < lanes.length; i++) {
            double y = AXIS + i * LANE + LANE / 2;
            Label name = new Label(lanes[i].label());
            name.getStyleClass().add("timeline-lane-label");
            name.relocate(8, y - 9);
            Line rail = new Line(GUTTER, y, GUTTER + plotWidth, y);
            rail.getStyleClass().add("timeline-rail");
            out.add(rail);
            out.add(name);
        }
        // axis: ticks in the contact's zone
        ZoneId z = zone.get();
        int ticks = (int) Math.max(2, Math.min(8, plotWidth / 140));
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int t = 0; t <= ticks; t++) {
            long ms = start + (end - start) * t / ticks;
            Instant at = Instant.ofEpochMilli(ms);
            double tx = x.applyAsDouble(at);
            Line tick = new Line(tx, AXIS - 4, tx, AXIS + lanes.length * LANE);
            tick.getStyleClass().add("timeline-tick");
            Label label = new Label(DAY.format(at.atZone(z)) + " " + TIME.format(at.atZone(z)));
            label.getStyleClass().add("timeline-axis-label");
            double lx = Math.min(tx - 34, GUTTER + plotWidth - 110);
            out.add(tick);
            if (lx >= lastLabel + 120) {
                label.relocate(lx, 2);
                out.add(label);
                lastLabel = lx;
            }
        }
        // now
        double nx = x.applyAsDouble(nowAt);
        Line nowLine = new Line(nx, AXIS - 2, nx, AXIS + lanes.length * LANE);
        nowLine.getStyleClass().add("timeline-now");
        nowLine.setId("timelineNow");
        out.add(nowLine);
        // marks: entries close together in a lane are nudged up and down so that each stays visible
        Map<Lane, List<Double>> placed = new EnumMap<>(Lane.class);
        for (Entry e : entries) {
            double ex = x.applyAsDouble(e.at());
            List<Double> taken = placed.computeIfAbsent(e.lane(), l -> new ArrayList<>());
            int near = (int) taken.stream().filter(p -> Math.abs(p - ex) < 2 * R).count();
            taken.add(ex);
            double ey = AXIS + e.lane().ordinal() * LANE + LANE / 2 + (near % 3 == 1 ? -10 : near % 3 == 2 ? 10 : 0);
            Shape mark = mark(e, ex, ey);
            mark.getStyleClass().addAll("timeline-mark", "mark-" + e.mark().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            Tooltip tip = new Tooltip(e.title() + "\n" + e.local() + "\n" + e.detail());
            tip.setShowDelay(Duration.millis(150));
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            Tooltip.install(mark, tip);
            mark.setOnMouseClicked(ev -> onPick.accept(e));
            out.add(mark);
        }
        return out;
    }

    private static Shape mark(Entry e, double x, double y) {
        return shape(e.mark(), x, y);
    }

    /** The shape of a mark: blocks are squares, deferrals triangles, exits diamonds, the rest circles. */
    static Shape shape(TimelineViewModel.Mark mark, double x, double y) {
        return switch (mark) {
            case BLOCKED -> {
                Rectangle r = new Rectangle(x - R, y - R, 2 * R, 2 * R);
                yield r;
            }
            case DEFERRED -> new Polygon(x, y - R - 1, x + R + 1, y + R, x - R - 1, y + R);
            case EXITED -> new Polygon(x, y - R - 1, x + R + 1, y, x, y + R + 1, x - R - 1, y);
            default -> new Circle(x, y, R);
        };
    }
}
