package dev.switchboard.app.console.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence: what a reviewer reads to see what changed between two versions.
 * Common leading and trailing lines are matched first, so a small edit to a long text costs little; past
 * {@link #MAX_CELLS} table cells the middle is shown as removed then added rather than aligned.
 */
final class LineDiff {
    /** The largest LCS table (lines × lines) built; beyond it the changed middle is not aligned. */
    static final long MAX_CELLS = 4_000_000;

    /** How a line differs. */
    enum Kind {
        SAME, REMOVED, ADDED
    }

    /** One line of the diff. */
    record Line(Kind kind, String text) {
    }

    private LineDiff() {
    }

    /** The lines of {@code before} and {@code after}, each marked same, removed or added, in reading order. */
    static List<Line> diff(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        middle(a, head, a.length - tail, b, head, b.length - tail, out);
        for (int i = a.length - tail; i < a.length; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        return out;
    }

    /** Whether a diff has any change. */
    static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }

    private static void middle(String[] a, int a0, int a1, String[] b, int b0, int b1, List<Line> out) {
        int n = a1 - a0;
        int m = b1 - b0;
        if ((long) n * m > MAX_CELLS) {
            for (int i = a0; i < a1; i++) {
                out.add(new Line(Kind.REMOVED, a[i]));
            }
            for (int j = b0; j < b1; j++) {
                out.add(new Line(Kind.ADDED, b[j]));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[a0 + i].equals(b[b0 + j]) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[a0 + i].equals(b[b0 + j])) {
                out.add(new Line(Kind.SAME, a[a0 + i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[a0 + i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[b0 + j++]));
            }
        }
        while (i < n) {
            out.add(new Line(Kind.REMOVED, a[a0 + i++]));
        }
        while (j < m) {
            out.add(new Line(Kind.ADDED, b[b0 + j++]));
        }
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.split("\r\n|\n|\r", -1);
    }
}
