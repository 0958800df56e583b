package dev.switchboard.engine.sequences;

import dev.switchboard.model.sequence.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sequences shipped in resources/demo/sequences. */
public final class DemoSequences {
    public static final List<String> IDS = List.of("multichannel-default", "overdue-payment-reminder",
            "outage-broadcast");

    private DemoSequences() {
    }

    public static Sequence load(String id) {
        String name = "/demo/sequences/" + id + ".json";
        try (InputStream in = DemoSequences.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo sequence " + id);
            }
            return SequenceJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Sequence> all() {
        return IDS.stream().map(DemoSequences::load).toList();
    }
}
