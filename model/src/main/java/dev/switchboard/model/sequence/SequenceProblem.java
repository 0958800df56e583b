package dev.switchboard.model.sequence;

/** One thing wrong with a sequence, naming the step it is about (empty for the whole sequence). */
public record SequenceProblem(String stepId, String message) {
    @Override
    public String toString() {
        return message;
    }
}
