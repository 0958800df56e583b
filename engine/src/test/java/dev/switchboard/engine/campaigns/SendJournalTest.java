package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The send journal: what is written is read back per attempt, a torn tail proves nothing, prune keeps the rest. */
class SendJournalTest {
    @TempDir
    Path data;

    @Test
    void dispatchedThenAnsweredAcrossTwoEpochsIsReadBack() {
        try (SendJournal j = SendJournal.open(data, 1)) {
            j.dispatching(List.of(10L, 11L, 12L));
            j.answered(10, "conv-10", "msg-10");
        }
        try (SendJournal j = SendJournal.open(data, 2)) {
            j.dispatching(List.of(20L));
            j.answered(20, "conv-20", null);
            j.answered(11, "conv-11", "msg-11"); // an epoch-1 attempt answered in epoch 2
        }
        Map<Long, SendJournal.Entry> read = SendJournal.read(data);
        assertThat(read).containsOnlyKeys(10L, 11L, 12L, 20L);
        assertThat(read.get(10L)).isEqualTo(new SendJournal.Entry(1, true, true, "conv-10", "msg-10"));
        assertThat(read.get(10L).answered()).isTrue();
        assertThat(read.get(11L)).isEqualTo(new SendJournal.Entry(2, true, true, "conv-11", "msg-11"));
        assertThat(read.get(12L)).isEqualTo(new SendJournal.Entry(1, true, false, null, null));
        assertThat(read.get(12L).answered()).isFalse();
        assertThat(read.get(20L)).isEqualTo(new SendJournal.Entry(2, true, true, "conv-20", null));
        assertThat(read.get(20L).answered()).isTrue();
    }

    @Test
    void reopeningAnEpochAppendsRatherThanTruncates() {
        try (SendJournal j = SendJournal.open(data, 3)) {
            j.dispatching(List.of(1L));
        }
        try (SendJournal j = SendJournal.open(data, 3)) {
            j.dispatching(List.of(2L));
        }
        assertThat(SendJournal.read(data)).containsOnlyKeys(1L, 2L);
    }

    @Test
    void anEmptyBatchWritesNothing() throws Exception {
        try (SendJournal j = SendJournal.open(data, 1)) {
            j.dispatching(List.of());
        }
        assertThat(Files.size(data.resolve("journal").resolve("epoch-000001.log"))).isZero();
        assertThat(SendJournal.read(data)).isEmpty();
    }

    static Stream<Arguments> tornTails() {
        return Stream.of(
                Arguments.of("D line without newline", "D 1\nD 2", Map.of(1L, false)),
                Arguments.of("A line without newline", "D 1\nD 2\nA 2 c m", Map.of(1L, false, 2L, false)),
                Arguments.of("A line cut in its ids", "D 1\nA 1 conv-1", Map.of(1L, false)),
                Arguments.of("garbage line", "D 1\nD x\nZZZ 9\n\u0000\u0000\n", Map.of(1L, false)),
                Arguments.of("A with non-numeric id", "D 1\nA one c m\n", Map.of(1L, false)),
                Arguments.of("A with too many fields", "D 1\nA 1 c m extra\n", Map.of(1L, false)),
                Arguments.of("empty file", "", Map.of()),
                Arguments.of("complete lines only", "D 1\nA 1 c m\n", Map.of(1L, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tornTails")
    void aTornOrForeignLineIsIgnored(String label, String text, Map<Long, Boolean> expectedAnswered)
            throws Exception {
        Path dir = Files.createDirectories(data.resolve("journal"));
        Files.writeString(dir.resolve("epoch-000007.log"), text, StandardCharsets.ISO_8859_1);
        Map<Long, SendJournal.Entry> read = SendJournal.read(data);
        assertThat(read).containsOnlyKeys(expectedAnswered.keySet().toArray(Long[]::new));
        expectedAnswered.forEach((id, answered) -> {
            assertThat(read.get(id).dispatched()).isTrue();
            assertThat(read.get(id).answered()).as("answered %d", id).isEqualTo(answered);
            assertThat(read.get(id).epoch()).isEqualTo(7);
        });
    }

    @Test
    void anAnswerWithoutADispatchLineStillCountsAsDispatchedAndAnswered() throws Exception {
        Path dir = Files.createDirectories(data.resolve("journal"));
        Files.writeString(dir.resolve("epoch-000004.log"), "A 42 conv msg\n");
        assertThat(SendJournal.read(data)).containsExactlyEntriesOf(Map.of(42L,
                new SendJournal.Entry(4, true, true, "conv", "msg")));
    }

    @Test
    void aLaterDispatchLineDoesNotEraseAnEarlierAnswer() {
        try (SendJournal j = SendJournal.open(data, 1)) {
            j.dispatching(List.of(5L));
            j.answered(5, "c", "m");
        }
        try (SendJournal j = SendJournal.open(data, 2)) {
            j.dispatching(List.of(5L));
        }
        assertThat(SendJournal.read(data).get(5L)).isEqualTo(new SendJournal.Entry(1, true, true, "c", "m"));
    }

    static Stream<Arguments> oddIds() {
        return Stream.of(
                Arguments.of("conv with space", "conv_with_space"),
                Arguments.of("a\nD 999", "a_D_999"),
                Arguments.of("ü/é", "___"),
                Arguments.of("ok-1.2_3:4", "ok-1.2_3:4"),
                Arguments.of("   ", null),
                Arguments.of("", null),
                Arguments.of(null, null));
    }

    @ParameterizedTest
    @MethodSource("oddIds")
    void idsWithOddCharactersAreSanitizedToOneField(String raw, String expected) {
        try (SendJournal j = SendJournal.open(data, 1)) {
            j.dispatching(List.of(1L));
            j.answered(1, raw, raw);
        }
        Map<Long, SendJournal.Entry> read = SendJournal.read(data);
        assertThat(read).containsOnlyKeys(1L); // an injected "D 999" never becomes an attempt
        assertThat(read.get(1L).conversationId()).isEqualTo(expected);
        assertThat(read.get(1L).messageId()).isEqualTo(expected);
    }

    @Test
    void pruneDeletesOnlyEarlierEpochsAndForeignFilesStay() throws Exception {
        for (int epoch : new int[] {1, 2, 3, 4}) {
            try (SendJournal j = SendJournal.open(data, epoch)) {
                j.dispatching(List.of((long) epoch));
            }
        }
        Path foreign = data.resolve("journal").resolve("notes.txt");
        Files.writeString(foreign, "D 99\n");
        SendJournal.prune(data, 3);
        try (Stream<Path> files = Files.list(data.resolve("journal"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("epoch-000003.log", "epoch-000004.log", "notes.txt");
        }
        assertThat(SendJournal.read(data)).containsOnlyKeys(3L, 4L);
    }

    @Test
    void aMissingJournalFolderReadsAsEmptyAndPrunesQuietly() {
        assertThat(SendJournal.read(data.resolve("nowhere"))).isEmpty();
        SendJournal.prune(data.resolve("nowhere"), 10);
        assertThat(data.resolve("nowhere")).doesNotExist();
    }

    @Test
    void epochsAboveSixDigitsStillRead() {
        try (SendJournal j = SendJournal.open(data, 1_234_567)) {
            j.dispatching(List.of(8L));
        }
        assertThat(SendJournal.read(data).get(8L).epoch()).isEqualTo(1_234_567);
    }

    @Test
    void aStartedLineMarksTheCallAsStartedAndAnAnswerKeepsIt(@org.junit.jupiter.api.io.TempDir Path data) {
        try (SendJournal j = SendJournal.open(data, 7)) {
            j.dispatching(java.util.List.of(1L, 2L, 3L));
            j.started(2L);
            j.started(3L);
            j.answered(3L, "c3", "m3");
        }
        var read = SendJournal.read(data);
        assertThat(read.get(1L)).isEqualTo(new SendJournal.Entry(7, true, false, null, null));
        assertThat(read.get(2L)).isEqualTo(new SendJournal.Entry(7, true, true, null, null));
        assertThat(read.get(3L)).isEqualTo(new SendJournal.Entry(7, true, true, "c3", "m3"));
    }
}
