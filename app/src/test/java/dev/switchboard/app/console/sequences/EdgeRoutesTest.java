package dev.switchboard.app.console.sequences;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Back edges go around the cards; labels go where no card and no other label is. */
class EdgeRoutesTest {
    private static final Bounds WAIT = new BoundingBox(100, 100, 224, 90);
    private static final Bounds BRANCH = new BoundingBox(420, 100, 224, 120);

    @Test
    void aLoopBackLeavesRightPassesBelowTheCardsAndEntersFromTheLeft() {
        Point2D out = new Point2D(644, 200);  // the branch's else dot
        Point2D in = new Point2D(100, 130);   // the wait's input
        List<Point2D> route = EdgeRoutes.around(out, in, 0, List.of(WAIT, BRANCH));

        assertThat(route.getFirst()).isEqualTo(out);
        assertThat(route.get(1).getX()).isGreaterThan(BRANCH.getMaxX());
        assertThat(route.get(2).getY()).isGreaterThan(Math.max(WAIT.getMaxY(), BRANCH.getMaxY()));
        assertThat(route.get(3).getX()).isLessThan(WAIT.getMinX());
        assertThat(route.getLast().getY()).isEqualTo(in.getY());
        for (int i = 0; i < route.size() - 1; i++) {
            Point2D a = route.get(i);
            Point2D b = route.get(i + 1);
            Bounds segment = new BoundingBox(Math.min(a.getX(), b.getX()) + 1, Math.min(a.getY(), b.getY()),
                    Math.max(0, Math.abs(a.getX() - b.getX()) - 2), Math.abs(a.getY() - b.getY()));
            assertThat(segment.intersects(WAIT) || segment.intersects(BRANCH)).as("segment %d", i).isFalse();
        }
        // a second loop runs apart from the first
        assertThat(EdgeRoutes.around(out, in, 1, List.of(WAIT, BRANCH)).get(2).getY())
                .isGreaterThan(route.get(2).getY());
    }

    @Test
    void aLabelTakesTheFirstSpotNoCardOrLabelCovers() {
        List<Point2D> spots = List.of(new Point2D(150, 120), new Point2D(380, 150), new Point2D(380, 300));
        Bounds first = EdgeRoutes.freeSpot(spots, 60, 16, List.of(WAIT, BRANCH), List.of());
        assertThat(first.getMinX() + 30).isEqualTo(380);
        assertThat(first.getMinY() + 8).isEqualTo(150);
        Bounds second = EdgeRoutes.freeSpot(spots, 60, 16, List.of(WAIT, BRANCH), List.of(first));
        assertThat(second.getMinY() + 8).isEqualTo(300);
    }
}
