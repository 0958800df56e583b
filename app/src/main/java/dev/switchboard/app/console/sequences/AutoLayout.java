package dev.switchboard.app.console.sequences;

import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered left-to-right layout: each step in the column of its longest path from the first step (edges that loop
 * back are left out), the steps of a column ordered by where their predecessors' outputs are, each column centred.
 */
public final class AutoLayout {
    static final double MARGIN = 40;
    static final double COLUMN_GAP = 96;
    static final double ROW_GAP = 32;

    private AutoLayout() {
    }

    public static Map<String, Point> of(Sequence sequence) {
        Map<String, Step> byId = new LinkedHashMap<>();
        sequence.steps().forEach(s -> byId.putIfAbsent(s.id(), s));
        // depth-first from the entry (then from any step not reached): order of discovery, back edges, finish order
        List<String> discovered = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        Set<String> back = new HashSet<>();
        Set<String> onStack = new HashSet<>();
        for (String root : byId.keySet()) {
            if (!discovered.contains(root)) {
                visit(root, byId, discovered, finished, onStack, back);
            }
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = finished.size() - 1; i >= 0; i--) {
            String id = finished.get(i);
            column.putIfAbsent(id, 0);
            for (Edge e : byId.get(id).edges()) {
                if (!back.contains(key(id, e)) && byId.containsKey(e.to())) {
                    column.merge(e.to(), column.get(id) + 1, Math::max);
                }
            }
        }
        int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> layers = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            layers.add(new ArrayList<>());
        }
        discovered.forEach(id -> layers.get(column.get(id)).add(id));

        // order each column by the mean position of the outputs that lead into its steps
        Map<String, Double> rank = new HashMap<>();
        for (List<String> layer : layers) {
            Map<String, Double> weight = new HashMap<>();
            for (String id : layer) {
                double sum = 0;
                int n = 0;
                for (Step from : byId.values()) {
                    List<Port> ports = Port.of(from);
                    for (Edge e : from.edges()) {
                        if (e.to().equals(id) && rank.containsKey(from.id()) && !back.contains(key(from.id(), e))) {
                            sum += rank.get(from.id()) + ports.indexOf(Port.of(e)) / (double) (ports.size() + 1);
                            n++;
                        }
                    }
                }
                weight.put(id, n == 0 ? layer.indexOf(id) : sum / n);
            }
            layer.sort(Comparator.comparingDouble(weight::get));
            for (int i = 0; i < layer.size(); i++) {
                rank.put(layer.get(i), (double) i);
            }
        }

        double tallest = 0;
        for (List<String> layer : layers) {
            tallest = Math.max(tallest, height(layer, byId));
        }
        Map<String, Point> out = new LinkedHashMap<>();
        for (int c = 0; c < layers.size(); c++) {
            List<String> layer = layers.get(c);
            double y = MARGIN + (tallest - height(layer, byId)) / 2;
            double x = MARGIN + c * (Cards.WIDTH + COLUMN_GAP);
            for (String id : layer) {
                out.put(id, new Point(x, Math.round(y)));
                y += Cards.height(byId.get(id)) + ROW_GAP;
            }
        }
        return out;
    }

    private static String key(String from, Edge e) {
        return from + "\u0000" + e;
    }

    private static double height(List<String> layer, Map<String, Step> byId) {
        double h = 0;
        for (String id : layer) {
            h += Cards.height(byId.get(id));
        }
        return h + Math.max(0, layer.size() - 1) * ROW_GAP;
    }

    private static void visit(String id, Map<String, Step> byId, List<String> discovered, List<String> finished,
                              Set<String> onStack, Set<String> back) {
        discovered.add(id);
        onStack.add(id);
        for (Edge e : byId.get(id).edges()) {
            if (!byId.containsKey(e.to())) {
                continue;
            }
            if (onStack.contains(e.to())) {
                back.add(key(id, e));
            } else if (!discovered.contains(e.to())) {
                visit(e.to(), byId, discovered, finished, onStack, back);
            }
        }
        onStack.remove(id);
        finished.add(id);
    }
}
