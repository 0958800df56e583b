package dev.switchboard.app.console.sequences;

/** A place on the designer's canvas (its world coordinates, before zoom and pan): a step card's top-left corner. */
public record Point(double x, double y) {
}
