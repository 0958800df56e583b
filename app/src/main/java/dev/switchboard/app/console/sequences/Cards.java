package dev.switchboard.app.console.sequences;

import dev.switchboard.model.sequence.Step;

/**
 * The geometry of a step's card on the canvas, shared by the view (which draws it) and the auto-layout (which
 * spaces the cards): a fixed width, a header with the title and summary, then one row per output.
 */
public final class Cards {
    public static final double WIDTH = 224;
    public static final double HEADER = 60;
    public static final double ROW = 22;
    public static final double PADDING = 8;

    private Cards() {
    }

    public static double height(Step step) {
        int rows = Port.of(step).size();
        return HEADER + rows * ROW + (rows == 0 ? 0 : PADDING);
    }

    /** The centre of output {@code index}'s dot, relative to the card's top-left corner. */
    public static Point portOffset(int index) {
        return new Point(WIDTH, HEADER + index * ROW + ROW / 2);
    }

    /** Where edges come into a card, relative to its top-left corner. */
    public static Point inputOffset() {
        return new Point(0, HEADER / 2);
    }
}
