package dev.switchboard.engine.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engine's local evidence of which calls left, one file per boot epoch in {@code <data>/journal}. Before a
 * batch of sends the engine writes a {@code D <attempt>} line per attempt and forces the file to disk; only then do
 * the calls start. Right before each call an {@code S <attempt>} line, and when Genesys answers an
 * {@code A <attempt> <conversation> <message>} line follow (neither forced: losing them only sends the attempt to an
 * operator).
 *
 * <p>After a crash this is what lets the reconciler settle an UNKNOWN attempt without guessing: no D line means the
 * call never started (NOT_SENT, proven locally); neither is an S line when the OS has not restarted since (its
 * cache kept every line written); an A line gives the ids Genesys returned, which the reconciler then
 * looks up in Genesys itself; a D line alone means the call may have left and nothing on record can tell, so a
 * person decides.
 */
public final class SendJournal implements AutoCloseable {
    private static final Pattern FILE = Pattern.compile("epoch-(\\d+)\\.log");

    private final Path dir;
    private final FileChannel channel;

    private SendJournal(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /** Opens (appending) the journal of {@code epoch} in {@code <dataDir>/journal}. */
    public static SendJournal open(Path dataDir, int epoch) {
        Path dir = dataDir.resolve("journal");
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(String.format("epoch-%06d.log", epoch)),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new SendJournal(dir, ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the send journal in " + dir, e);
        }
    }

    /** Records that these attempts are about to be sent, and forces the record to disk before returning. */
    public synchronized void dispatching(List<Long> attemptIds) {
        if (attemptIds.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(attemptIds.size() * 12);
        attemptIds.forEach(id -> sb.append("D ").append(id).append('\n'));
        write(sb.toString());
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force the send journal to disk", e);
        }
    }

    /**
     * Records that the call of an attempt starts now (not forced: it survives a process crash in the OS's cache,
     * not an OS crash or power loss, which the reconciler tells apart by the OS boot id).
     */
    public synchronized void started(long attemptId) {
        write("S " + attemptId + "\n");
    }

    /** Records the ids Genesys returned for an attempt. */
    public synchronized void answered(long attemptId, String conversationId, String messageId) {
        write("A " + attemptId + " " + safe(conversationId) + " " + safe(messageId) + "\n");
    }

    private void write(String text) {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the send journal", e);
        }
    }

    private static String safe(String id) {
        return id == null || id.isBlank() ? "-" : id.replaceAll("[^A-Za-z0-9._:-]", "_");
    }

    /** What the journal says of one attempt. */
    public record Entry(int epoch, boolean dispatched, boolean started, String conversationId, String messageId) {
        public boolean answered() {
            return conversationId != null;
        }
    }

    /** Every attempt the journals of the data folder mention; a torn last line is ignored. */
    public static Map<Long, Entry> read(Path dataDir) {
        Path dir = dataDir.resolve("journal");
        Map<Long, Entry> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                int epoch = Integer.parseInt(m.group(1));
                String text = Files.readString(f, StandardCharsets.US_ASCII);
                int end = text.lastIndexOf('\n');
                for (String line : text.substring(0, end + 1).split("\n")) {
                    String[] p = line.split(" ");
                    try {
                        if (p.length == 2 && p[0].equals("D")) {
                            out.putIfAbsent(Long.parseLong(p[1]), new Entry(epoch, true, false, null, null));
                        } else if (p.length == 2 && p[0].equals("S")) {
                            long id = Long.parseLong(p[1]);
                            Entry e = out.get(id);
                            if (e == null || !e.answered()) {
                                out.put(id, new Entry(epoch, true, true, null, null));
                            }
                        } else if (p.length == 4 && p[0].equals("A")) {
                            out.put(Long.parseLong(p[1]), new Entry(epoch, true, true,
                                    p[2].equals("-") ? null : p[2], p[3].equals("-") ? null : p[3]));
                        }
                    } catch (NumberFormatException ignored) {
                        // a torn or foreign line proves nothing either way
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the send journals in " + dir, e);
        }
        return out;
    }

    /** Deletes the journals of epochs before {@code epoch} (once nothing of theirs is left to reconcile). */
    public static void prune(Path dataDir, int beforeEpoch) {
        Path dir = dataDir.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) < beforeEpoch) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune the send journals in " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
