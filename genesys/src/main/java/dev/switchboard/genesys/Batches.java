package dev.switchboard.genesys;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splitting of batch requests: fixed-size chunks, and halving on 413. */
final class Batches {

    private Batches() {
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }

    /**
     * Sends {@code items} in chunks of at most {@code size}; a chunk answered 413 is halved and resent (down to
     * one item, whose 413 is rethrown). Results are concatenated in order.
     */
    static <T, R> List<R> send(List<T> items, int size, Function<List<T>, List<R>> request) {
        List<R> out = new ArrayList<>();
        for (List<T> chunk : chunks(items, size)) {
            sendSplitting(chunk, request, out);
        }
        return out;
    }

    private static <T, R> void sendSplitting(List<T> chunk, Function<List<T>, List<R>> request, List<R> out) {
        try {
            List<R> result = request.apply(chunk);
            if (result != null) {
                out.addAll(result);
            }
        } catch (GenesysApiException e) {
            if (e.status() != 413 || chunk.size() <= 1) {
                throw e;
            }
            int half = chunk.size() / 2;
            sendSplitting(chunk.subList(0, half), request, out);
            sendSplitting(chunk.subList(half, chunk.size()), request, out);
        }
    }
}
