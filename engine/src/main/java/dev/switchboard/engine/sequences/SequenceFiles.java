package dev.switchboard.engine.sequences;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.SequenceValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Sequence files on disk: what the {@code sequence validate FILE} command calls. Any thread; does file IO. */
public final class SequenceFiles {
    private SequenceFiles() {
    }

    public static Sequence read(Path file) {
        try {
            return SequenceJson.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The validator's messages for a file, templates unchecked; empty when it is fine. */
    public static List<String> validate(Path file) {
        return validate(file, null);
    }

    /**
     * The problems of a file, each a line a supervisor reads: a format error (with its JSON path) or the
     * validator's messages. {@code templates} gives a template id's channel; null skips the template check.
     */
    public static List<String> validate(Path file, Function<String, Optional<Channel>> templates) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return List.of("Cannot read " + file + ": " + e.getMessage());
        }
        Sequence sequence;
        try {
            sequence = SequenceJson.read(text);
        } catch (SequenceFormatException e) {
            return List.of(e.getMessage());
        }
        SequenceValidator validator = templates == null ? SequenceValidator.withoutTemplates()
                : new SequenceValidator(templates);
        return validator.validate(sequence).stream().map(Object::toString).toList();
    }
}
