package dev.switchboard.app.console.sequences;

import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.Step;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The designer's canvas: the palette (drag a kind onto the canvas, or click it to place one in view), the steps as
 * cards in a zoomable, pannable world (wheel or Ctrl+wheel zooms at the pointer, dragging the background pans), edges
 * as curves with their output's label, dragged from an output's dot to a step. Edits go to the view model when a
 * gesture ends; while it runs only the nodes move.
 */
final class CanvasView {
    static final double MIN_ZOOM = 0.3;
    static final double MAX_ZOOM = 2.5;
    static final double READABLE_ZOOM = 0.7;

    private final DesignerViewModel vm;
    private final Pane viewport = new Pane();
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group dragLayer = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate(0, 0);
    private final Map<String, NodeCard> cards = new LinkedHashMap<>();
    private final Label zoomLabel = Ui.label("zoomLevel", "100%", "seq-zoom-label");
    private final StackPane root;
    private Point2D panFrom;
    /** A palette item or an output being dragged: finished by the release, wherever the platform delivers it. */
    private Gesture pending;

    private record Gesture(java.util.function.Consumer<MouseEvent> drop, Node ghost) {
    }
    private int placed;

    CanvasView(DesignerViewModel vm) {
        this.vm = vm;
        viewport.setId("sequenceCanvas");
        viewport.getStyleClass().add("seq-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        world.getTransforms().addAll(translate, scale);
        world.getChildren().addAll(edgeLayer, nodeLayer, labelLayer, dragLayer);
        viewport.getChildren().add(world);
        viewport.setFocusTraversable(true);

        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            double factor = Math.pow(1.0015, e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX());
            zoomAt(scale.getX() * factor, new Point2D(e.getX(), e.getY()));
            e.consume();
        });
        viewport.setOnMousePressed(e -> {
            viewport.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                panFrom = new Point2D(e.getX() - translate.getX(), e.getY() - translate.getY());
                viewport.setCursor(Cursor.CLOSED_HAND);
            }
        });
        viewport.setOnMouseDragged(e -> {
            if (panFrom != null) {
                translate.setX(e.getX() - panFrom.getX());
                translate.setY(e.getY() - panFrom.getY());
            }
        });
        viewport.setOnMouseReleased(e -> {
            panFrom = null;
            viewport.setCursor(Cursor.DEFAULT);
        });
        viewport.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                vm.selectedProperty().set(null);
                vm.selectedEdgeProperty().set(null);
            }
        });

        HBox zoom = new HBox(4, iconButton("zoomOutButton", org.kordamp.ikonli.feather.Feather.MINUS, "Zoom out",
                () -> zoomAt(scale.getX() / 1.2, centre())), zoomLabel,
                iconButton("zoomInButton", org.kordamp.ikonli.feather.Feather.PLUS, "Zoom in",
                        () -> zoomAt(scale.getX() * 1.2, centre())),
                iconButton("zoomFitButton", org.kordamp.ikonli.feather.Feather.MAXIMIZE, "Fit the sequence in view",
                        this::fit));
        zoom.getStyleClass().add("seq-zoom-bar");
        zoom.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(zoom, javafx.geometry.Pos.BOTTOM_RIGHT);
        StackPane.setMargin(zoom, new javafx.geometry.Insets(12));

        HBox palette = palette();
        palette.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(palette, javafx.geometry.Pos.TOP_LEFT);
        StackPane.setMargin(palette, new javafx.geometry.Insets(12));
        palette.visibleProperty().bind(vm.readOnlyProperty().not());

        root = new StackPane(viewport, palette, zoom);
        root.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            Gesture g = pending;
            if (g != null) {
                pending = null;
                if (g.ghost() != null) {
                    root.getChildren().remove(g.ghost());
                }
                g.drop().accept(e);
                panFrom = null;
                e.consume();
            }
        });
        vm.revisionProperty().subscribe(this::redraw);
        vm.selectedProperty().subscribe(this::redraw);
        vm.selectedEdgeProperty().subscribe(this::redraw);
    }

    Node root() {
        return root;
    }

    // ---- palette -------------------------------------------------------------------------------------------------

    private HBox palette() {
        HBox box = new HBox(2);
        box.setId("palette");
        box.getStyleClass().add("seq-palette");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getChildren().add(Ui.label(null, "ADD STEP", "seq-palette-title"));
        for (Palette kind : Palette.values()) {
            Label item = new Label(kind.label(), Ui.icon(NodeCard.icon(kind)));
            item.setId("palette-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            item.getStyleClass().addAll("seq-palette-item", "seq-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            Tooltip.install(item, new Tooltip("Drag onto the canvas, or click to place in view"));
            Label ghost = new Label(kind.label(), Ui.icon(NodeCard.icon(kind)));
            ghost.getStyleClass().addAll("seq-palette-item", "seq-ghost");
            ghost.setMouseTransparent(true);
            item.setOnMousePressed(MouseEvent::consume);
            item.setOnMouseDragged(e -> {
                pending = new Gesture(g -> dropPalette(kind, g), ghost);
                if (!root.getChildren().contains(ghost)) {
                    ghost.setManaged(false);
                    root.getChildren().add(ghost);
                }
                Point2D p = root.sceneToLocal(e.getSceneX(), e.getSceneY());
                ghost.autosize();
                ghost.relocate(p.getX() - 20, p.getY() - 12);
                e.consume();
            });
            item.setOnMouseReleased(e -> {
                if (pending == null) {
                    // a click: place one in view, a little apart from the last one placed
                    Point2D c = toWorld(centre());
                    double shift = (placed++ % 6) * 24;
                    vm.add(kind, snap(new Point(c.getX() - Cards.WIDTH / 2 + shift, c.getY() - 40 + shift)));
                    e.consume();
                }
            });
            box.getChildren().add(item);
        }
        return box;
    }

    // ---- zoom and pan --------------------------------------------------------------------------------------------

    private Point2D centre() {
        return new Point2D(viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    private Point2D toWorld(Point2D viewportPoint) {
        return new Point2D((viewportPoint.getX() - translate.getX()) / scale.getX(),
                (viewportPoint.getY() - translate.getY()) / scale.getY());
    }

    /** Zooms to {@code level}, keeping the world point under {@code at} (viewport coordinates) where it is. */
    void zoomAt(double level, Point2D at) {
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, level));
        double ratio = next / scale.getX();
        translate.setX(at.getX() - (at.getX() - translate.getX()) * ratio);
        translate.setY(at.getY() - (at.getY() - translate.getY()) * ratio);
        scale.setX(next);
        scale.setY(next);
        zoomLabel.setText(Math.round(next * 100) + "%");
    }

    double zoom() {
        return scale.getX();
    }

    /** Zooms and pans so that every step is in view (never above 100%). */
    void fit() {
        fit(MIN_ZOOM);
    }

    /**
     * As {@link #fit()}, but never below a zoom whose text is readable: a sequence too wide for the view then shows
     * from its first column, to be panned.
     */
    void fitReadable() {
        fit(READABLE_ZOOM);
    }

    private void fit(double floor) {
        Graph g = vm.getGraph();
        if (g.steps().isEmpty() || viewport.getWidth() <= 0) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Step s : g.steps()) {
            Point p = g.position(s.id());
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y() - 12);
            maxX = Math.max(maxX, p.x() + Cards.WIDTH);
            maxY = Math.max(maxY, p.y() + Cards.height(s));
        }
        double top = 56;
        double pad = 24;
        double w = viewport.getWidth() - 2 * pad;
        double h = viewport.getHeight() - top - 2 * pad;
        double fits = Math.min(1.0, Math.min(w / (maxX - minX), h / (maxY - minY)));
        double level = Math.max(floor, Math.max(MIN_ZOOM, fits));
        scale.setX(level);
        scale.setY(level);
        double spareX = w - (maxX - minX) * level;
        double spareY = h - (maxY - minY) * level;
        translate.setX(pad + Math.max(0, spareX / 2) - minX * level);
        translate.setY(top + pad + Math.max(0, spareY / 2) - minY * level);
        zoomLabel.setText(Math.round(level * 100) + "%");
    }

    /** Pans so that step {@code id} is in the middle of the view. */
    void reveal(String id) {
        Graph g = vm.getGraph();
        g.step(id).ifPresent(s -> {
            Point p = g.position(id);
            translate.setX(viewport.getWidth() / 2 - (p.x() + Cards.WIDTH / 2) * scale.getX());
            translate.setY(viewport.getHeight() / 2 - (p.y() + Cards.height(s) / 2) * scale.getY());
        });
    }

    // ---- drawing -------------------------------------------------------------------------------------------------

    private void redraw() {
        Graph g = vm.getGraph();
        cards.clear();
        nodeLayer.getChildren().clear();
        String entry = g.entry();
        for (Step s : g.steps()) {
            NodeCard card = new NodeCard(s, s.id().equals(entry), s.id().equals(vm.selectedProperty().get()),
                    vm.problemsOf(s.id()));
            Point p = g.position(s.id());
            card.relocate(p.x(), p.y());
            cards.put(s.id(), card);
            wire(card);
            nodeLayer.getChildren().add(card);
        }
        drawEdges();
    }

    /**
     * Draws every edge: forward edges as curves; back edges (to a step left of the output, loops) routed around the
     * cards: out of the output's side, along the outside of the cards they pass (below or above, whichever is
     * shorter), into the target's input. Labels go above the cards, where they cover no card and no other label.
     */
    private void drawEdges() {
        edgeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        DesignerViewModel.EdgeRef selected = vm.selectedEdgeProperty().get();
        Map<String, Bounds> boxes = new LinkedHashMap<>();
        for (NodeCard c : cards.values()) {
            // the START chip sits above the card's top edge
            boxes.put(c.step.id(), new javafx.geometry.BoundingBox(c.getLayoutX() - 4, c.getLayoutY() - 14,
                    Cards.WIDTH + 8, Cards.height(c.step) + 18));
        }
        List<Bounds> obstacles = List.copyOf(boxes.values());
        List<Bounds> placed = new java.util.ArrayList<>();
        int lane = 0;
        for (NodeCard from : cards.values()) {
            for (Edge e : from.step.edges()) {
                NodeCard to = cards.get(e.to());
                if (to == null) {
                    continue;
                }
                Port port = Port.of(e);
                int index = from.ports.indexOf(port);
                Point a = Cards.portOffset(Math.max(0, index));
                Point b = Cards.inputOffset();
                Point2D start = new Point2D(from.getLayoutX() + a.x(), from.getLayoutY() + a.y());
                Point2D end = new Point2D(to.getLayoutX() + b.x(), to.getLayoutY() + b.y());
                boolean isSelected = selected != null && selected.from().equals(from.step.id())
                        && selected.port().equals(port);
                // a back edge, or a forward one whose curve would pass through another card, goes around them
                boolean back = end.getX() < start.getX() + 20;
                List<Bounds> others = boxes.entrySet().stream().filter(o -> !o.getKey().equals(from.step.id())
                        && !o.getKey().equals(e.to())).map(Map.Entry::getValue).toList();
                boolean blocked = !back && EdgeRoutes.crosses(EdgeRoutes.curve(start, end), others);
                List<Point2D> route = back || blocked ? EdgeRoutes.around(start, end, lane++, obstacles) : null;
                edge(from.step, port, start, end, route, isSelected, obstacles, placed);
            }
        }
    }

    private void edge(Step from, Port port, Point2D a, Point2D b, List<Point2D> route, boolean selected,
                      List<Bounds> obstacles, List<Bounds> placed) {
        javafx.scene.shape.Shape line;
        javafx.scene.shape.Shape hit;
        List<Point2D> along;
        if (route != null) {
            line = EdgeRoutes.rounded(route, 10);
            hit = EdgeRoutes.rounded(route, 10);
            along = EdgeRoutes.labelSpots(route);
        } else {
            CubicCurve curve = EdgeRoutes.curve(a, b);
            line = curve;
            hit = new CubicCurve(curve.getStartX(), curve.getStartY(), curve.getControlX1(), curve.getControlY1(),
                    curve.getControlX2(), curve.getControlY2(), curve.getEndX(), curve.getEndY());
            along = new java.util.ArrayList<>();
            for (double t : new double[] {0.35, 0.5, 0.25, 0.65, 0.15, 0.8}) {
                along.add(EdgeRoutes.cubic(curve, t));
            }
        }
        line.getStyleClass().addAll("seq-edge", selected ? "selected" : "plain");
        line.setFill(null);
        hit.getStyleClass().add("seq-edge-hit");
        hit.setFill(null);
        Polygon arrow = new Polygon(b.getX() - 10, b.getY() - 5, b.getX() - 1, b.getY(), b.getX() - 10, b.getY() + 5);
        arrow.getStyleClass().addAll("seq-arrow", selected ? "selected" : "plain");
        String text = port.display(from);
        Group g = new Group(hit, line, arrow);
        g.setId("edge-" + from.id() + "-" + text.replace(' ', '_'));
        javafx.event.EventHandler<MouseEvent> select = e -> {
            vm.selectedEdgeProperty().set(new DesignerViewModel.EdgeRef(from.id(), port));
            viewport.requestFocus();
            e.consume();
        };
        g.setOnMouseClicked(select);
        g.setOnMousePressed(MouseEvent::consume);
        edgeLayer.getChildren().add(g);
        // on a short forward edge the output's name beside its dot says it already
        if (route == null && Math.abs(b.getX() - a.getX()) < 150) {
            return;
        }
        Label label = Ui.label("edgeLabel-" + from.id() + "-" + text.replace(' ', '_'), text, "seq-edge-label");
        if (selected) {
            label.getStyleClass().add("selected");
        }
        labelLayer.getChildren().add(label);
        label.applyCss();
        label.autosize();
        double w = label.prefWidth(-1);
        double h = label.prefHeight(-1);
        // near the output's dot first when nothing else fits
        along.add(new Point2D(a.getX() + 10 + w / 2, a.getY() - h / 2 - 2));
        Bounds spot = EdgeRoutes.freeSpot(along, w, h, obstacles, placed);
        label.resizeRelocate(spot.getMinX(), spot.getMinY(), w, h);
        placed.add(spot);
        label.setOnMouseClicked(select);
        label.setOnMousePressed(MouseEvent::consume);
    }

    // ---- gestures on cards ---------------------------------------------------------------------------------------

    private void wire(NodeCard card) {
        String id = card.step.id();
        double[] grab = new double[2];
        boolean[] moved = {false};
        card.setOnMousePressed(e -> {
            viewport.requestFocus();
            Point2D w = toWorld(viewport.sceneToLocal(e.getSceneX(), e.getSceneY()));
            grab[0] = w.getX() - card.getLayoutX();
            grab[1] = w.getY() - card.getLayoutY();
            moved[0] = false;
            card.toFront();
            e.consume();
        });
        card.setOnMouseDragged(e -> {
            if (vm.readOnlyProperty().get()) {
                e.consume();
                return;
            }
            Point2D w = toWorld(viewport.sceneToLocal(e.getSceneX(), e.getSceneY()));
            card.relocate(w.getX() - grab[0], w.getY() - grab[1]);
            moved[0] = true;
            drawEdges();
            e.consume();
        });
        card.setOnMouseReleased(e -> {
            if (moved[0]) {
                vm.move(id, snap(new Point(card.getLayoutX(), card.getLayoutY())));
            } else {
                vm.selectedProperty().set(id);
            }
            e.consume();
        });
        card.setOnMouseClicked(MouseEvent::consume);
        for (int i = 0; i < card.ports.size(); i++) {
            wirePort(card, card.ports.get(i), card.portDots.get(i));
        }
    }

    private void wirePort(NodeCard card, Port port, javafx.scene.shape.Circle dot) {
        CubicCurve preview = new CubicCurve();
        preview.getStyleClass().add("seq-edge-preview");
        preview.setFill(null);
        preview.setMouseTransparent(true);
        dot.setOnMousePressed(e -> {
            if (vm.readOnlyProperty().get()) {
                return;
            }
            Point2D start = new Point2D(card.getLayoutX() + dot.getCenterX(), card.getLayoutY() + dot.getCenterY());
            preview.setStartX(start.getX());
            preview.setStartY(start.getY());
            follow(preview, start);
            dragLayer.getChildren().setAll(preview);
            pending = new Gesture(r -> dropEdge(card, port, r), null);
            e.consume();
        });
        dot.setOnMouseDragged(e -> {
            if (!dragLayer.getChildren().isEmpty()) {
                follow(preview, toWorld(viewport.sceneToLocal(e.getSceneX(), e.getSceneY())));
                cards.values().forEach(c -> c.pseudoClassStateChanged(DROP_TARGET, c != card
                        && c.localToScene(c.getLayoutBounds()).contains(e.getSceneX(), e.getSceneY())));
            }
            e.consume();
        });
        dot.setOnMouseClicked(MouseEvent::consume);
    }

    private void dropEdge(NodeCard card, Port port, MouseEvent e) {
        dragLayer.getChildren().clear();
        cards.values().forEach(c -> c.pseudoClassStateChanged(DROP_TARGET, false));
        NodeCard target = cardAt(e.getSceneX(), e.getSceneY());
        if (target != null && target != card) {
            vm.connect(card.step.id(), port, target.step.id());
        } else if (target == null) {
            vm.selectedProperty().set(card.step.id());
        }
    }

    private void dropPalette(Palette kind, MouseEvent e) {
        Point2D local = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
        Node palette = root.lookup("#palette");
        boolean onPalette = palette != null && palette.localToScene(palette.getLayoutBounds())
                .contains(e.getSceneX(), e.getSceneY());
        if (viewport.getLayoutBounds().contains(local) && !onPalette) {
            Point2D w = toWorld(local);
            vm.add(kind, snap(new Point(w.getX() - 24, w.getY() - Cards.HEADER / 2)));
        }
    }

    private static final javafx.css.PseudoClass DROP_TARGET = javafx.css.PseudoClass.getPseudoClass("drop-target");

    private NodeCard cardAt(double sceneX, double sceneY) {
        List<NodeCard> all = List.copyOf(cards.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            Bounds b = all.get(i).localToScene(all.get(i).getLayoutBounds());
            if (b.contains(sceneX, sceneY)) {
                return all.get(i);
            }
        }
        return null;
    }

    private static void follow(CubicCurve c, Point2D end) {
        double dx = Math.max(40, Math.abs(end.getX() - c.getStartX()) / 2);
        c.setControlX1(c.getStartX() + dx);
        c.setControlY1(c.getStartY());
        c.setControlX2(end.getX() - dx);
        c.setControlY2(end.getY());
        c.setEndX(end.getX());
        c.setEndY(end.getY());
    }

    private static Point snap(Point p) {
        return new Point(Math.round(p.x() / 8) * 8.0, Math.round(p.y() / 8) * 8.0);
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon ikon, String tip, Runnable action) {
        Button b = Ui.button(id, null, ikon);
        b.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
