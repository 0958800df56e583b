package dev.switchboard.app.console.sequences;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.QuadCurveTo;

import java.util.ArrayList;
import java.util.List;

/** The canvas's edge geometry: back edges routed around the cards, and where an edge's label covers nothing. */
final class EdgeRoutes {
    /** How far a back edge leaves its output (and comes into its target) before it turns. */
    static final double STUB = 20;
    /** How far outside the cards it passes. */
    static final double CLEARANCE = 30;
    /** How far apart the back edges run, so that they do not lie on one another. */
    static final double LANE = 10;

    private EdgeRoutes() {
    }

    /**
     * A back edge from output {@code a} (a card's right side) to input {@code b} (a card's left side): right out of
     * the output, then below (or above, whichever is shorter) every card between the two, then left of the target
     * and into its input. Lane {@code lane} keeps it apart from the other back edges.
     */
    static List<Point2D> around(Point2D a, Point2D b, int lane, List<Bounds> cards) {
        double x1 = a.getX() + STUB + lane % 4 * LANE / 2;
        double x2 = b.getX() - STUB - lane % 4 * LANE / 2;
        double left = Math.min(x1, x2);
        double right = Math.max(x1, x2);
        double lowest = Math.max(a.getY(), b.getY());
        double highest = Math.min(a.getY(), b.getY());
        for (Bounds c : cards) {
            if (c.getMaxX() > left && c.getMinX() < right) {
                lowest = Math.max(lowest, c.getMaxY());
                highest = Math.min(highest, c.getMinY());
            }
        }
        double offset = CLEARANCE + lane % 6 * LANE;
        double below = lowest + offset;
        double above = highest - offset;
        double viaBelow = Math.abs(below - a.getY()) + Math.abs(below - b.getY());
        double viaAbove = Math.abs(a.getY() - above) + Math.abs(b.getY() - above);
        double y = viaBelow <= viaAbove ? below : above;
        return List.of(a, new Point2D(x1, a.getY()), new Point2D(x1, y), new Point2D(x2, y), new Point2D(x2, b.getY()),
                new Point2D(b.getX() - 6, b.getY()));
    }

    /** The points joined by straight lines with corners rounded by {@code radius}. */
    static Path rounded(List<Point2D> points, double radius) {
        Path path = new Path(new MoveTo(points.getFirst().getX(), points.getFirst().getY()));
        for (int i = 1; i < points.size() - 1; i++) {
            Point2D prev = points.get(i - 1);
            Point2D corner = points.get(i);
            Point2D next = points.get(i + 1);
            double r1 = Math.min(radius, prev.distance(corner) / 2);
            double r2 = Math.min(radius, corner.distance(next) / 2);
            Point2D in = corner.subtract(direction(prev, corner).multiply(r1));
            Point2D out = corner.add(direction(corner, next).multiply(r2));
            path.getElements().addAll(new LineTo(in.getX(), in.getY()),
                    new QuadCurveTo(corner.getX(), corner.getY(), out.getX(), out.getY()));
        }
        Point2D last = points.getLast();
        path.getElements().add(new LineTo(last.getX(), last.getY()));
        return path;
    }

    private static Point2D direction(Point2D from, Point2D to) {
        double d = from.distance(to);
        return d == 0 ? Point2D.ZERO : to.subtract(from).multiply(1 / d);
    }

    /** Where a routed edge's label may go: the middle of its outside run first, then of its other runs. */
    static List<Point2D> labelSpots(List<Point2D> route) {
        List<Point2D> spots = new ArrayList<>();
        spots.add(route.get(2).midpoint(route.get(3)));
        for (int i = 1; i < route.size() - 1; i++) {
            if (i != 2) {
                spots.add(route.get(i).midpoint(route.get(i + 1)));
            }
        }
        return spots;
    }

    /** A forward edge: a curve leaving the output to the right and entering the input from the left. */
    static CubicCurve curve(Point2D a, Point2D b) {
        double dx = Math.max(50, Math.abs(b.getX() - a.getX()) / 2);
        return new CubicCurve(a.getX(), a.getY(), a.getX() + dx, a.getY(), b.getX() - dx, b.getY(), b.getX() - 6,
                b.getY());
    }

    /** True when the curve passes through any of {@code cards}. */
    static boolean crosses(CubicCurve curve, List<Bounds> cards) {
        for (int i = 1; i < 40; i++) {
            Point2D p = cubic(curve, i / 40.0);
            if (cards.stream().anyMatch(c -> c.contains(p))) {
                return true;
            }
        }
        return false;
    }

    /** The point at {@code t} (0..1) along a cubic curve. */
    static Point2D cubic(CubicCurve c, double t) {
        double mt = 1 - t;
        double x = mt * mt * mt * c.getStartX() + 3 * mt * mt * t * c.getControlX1()
                + 3 * mt * t * t * c.getControlX2() + t * t * t * c.getEndX();
        double y = mt * mt * mt * c.getStartY() + 3 * mt * mt * t * c.getControlY1()
                + 3 * mt * t * t * c.getControlY2() + t * t * t * c.getEndY();
        return new Point2D(x, y);
    }

    /**
     * The first of {@code centres} where a {@code w} × {@code h} label overlaps no card and no label placed already;
     * the first centre when every one does (labels are drawn above the cards, so a card never hides one).
     */
    static Bounds freeSpot(List<Point2D> centres, double w, double h, List<Bounds> cards, List<Bounds> labels) {
        for (Point2D c : centres) {
            Bounds b = new BoundingBox(c.getX() - w / 2, c.getY() - h / 2, w, h);
            if (cards.stream().noneMatch(b::intersects) && labels.stream().noneMatch(b::intersects)) {
                return b;
            }
        }
        Point2D c = centres.getFirst();
        return new BoundingBox(c.getX() - w / 2, c.getY() - h / 2, w, h);
    }
}
