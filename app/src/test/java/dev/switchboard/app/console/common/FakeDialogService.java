package dev.switchboard.app.console.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers file choosers from a queue and records the errors it was shown. */
public final class FakeDialogService implements DialogService {
    private final Deque<Path> answers = new ArrayDeque<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final Deque<Confirmation> confirmations = new ArrayDeque<>();
    private final List<ConfirmRequest> confirmRequests = new ArrayList<>();

    /** The next confirmation dialog is answered with this; with none queued, it is cancelled. */
    public FakeDialogService confirmWith(String reason, String profile, String password) {
        confirmations.add(new Confirmation(reason, profile, password.toCharArray()));
        return this;
    }

    @Override
    public Optional<Confirmation> confirm(ConfirmRequest request) {
        confirmRequests.add(request);
        return Optional.ofNullable(confirmations.poll());
    }

    /** The confirmation dialogs shown. */
    public List<ConfirmRequest> confirmRequests() {
        return confirmRequests;
    }

    private final Deque<Boolean> answersToAsk = new ArrayDeque<>();
    private final List<String> questions = new ArrayList<>();

    /** The next yes-or-no question is answered with {@code yes}; with none queued, it is answered no. */
    public FakeDialogService answerAsk(boolean yes) {
        answersToAsk.add(yes);
        return this;
    }

    @Override
    public boolean ask(String title, String message, String action) {
        questions.add(title + ": " + message);
        return Boolean.TRUE.equals(answersToAsk.poll());
    }

    /** The yes-or-no questions asked ("title: message"). */
    public List<String> questions() {
        return questions;
    }

    /** The next file chooser returns {@code path}; with none queued, choosers are cancelled. */
    public FakeDialogService answer(Path path) {
        answers.add(path);
        return this;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        asked.add(title + ": " + suggestedName);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    public List<String> errors() {
        return errors;
    }

    /** The titles (and suggested names) of the choosers shown. */
    public List<String> asked() {
        return asked;
    }
}
