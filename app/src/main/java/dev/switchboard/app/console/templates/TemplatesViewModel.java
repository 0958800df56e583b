package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.app.console.templates.TemplateAnalysis.LintItem;
import dev.switchboard.app.console.templates.TemplatesBackend.CampaignValues;
import dev.switchboard.app.console.templates.TemplatesBackend.ContactSample;
import dev.switchboard.app.console.templates.TemplatesBackend.ListChoice;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.template.TemplateWorkflow;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Templates screen: the templates with their review state; the editor of one (its newest version, or a new one);
 * the preview for a contact of a chosen list with a chosen campaign's values; lint, SMS size and list-wide coverage,
 * recomputed off the FX thread {@link #DEBOUNCE} after the last keystroke; versions with a diff and the audit trail;
 * and Save, Submit, Approve and Reject, offered by the signed-in role and the version's state (the service refuses
 * the rest anyway).
 */
public final class TemplatesViewModel {
    /** Quiet time after an edit before lint, preview and coverage are recomputed. */
    public static final Duration DEBOUNCE = Duration.ofMillis(150);
    /** Lists up to this size have their coverage measured after every edit; bigger ones on request. */
    static final long AUTO_COVERAGE_CONTACTS = 5_000;

    private final TemplatesBackend backend;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReviewDialogs review;
    private final Session session;
    private final HistoryModel history;
    private final CoverageModel coverage;

    private final ObservableList<TemplateService.Entry> templates = FXCollections.observableArrayList();
    private final ObjectProperty<TemplateService.Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<TemplateVersion> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper templateId = new ReadOnlyStringWrapper(this, "templateId");
    private final ReadOnlyObjectWrapper<Channel> channel = new ReadOnlyObjectWrapper<>(this, "channel");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty textBody = new SimpleStringProperty(this, "textBody", "");
    private final StringProperty htmlBody = new SimpleStringProperty(this, "htmlBody", "");
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>(this, "purpose", Purpose.SERVICE);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyStringWrapper versionInfo = new ReadOnlyStringWrapper(this, "versionInfo", "");
    private Purpose loadedPurpose;

    private final ReadOnlyObjectWrapper<Set<String>> known = new ReadOnlyObjectWrapper<>(this, "known");
    private final ObservableList<String> completions = FXCollections.observableArrayList();
    private final ObservableList<LintItem> findings = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper errorCount = new ReadOnlyLongWrapper(this, "errorCount");
    private final ReadOnlyStringWrapper smsInfo = new ReadOnlyStringWrapper(this, "smsInfo");
    private final ReadOnlyBooleanWrapper ucs2 = new ReadOnlyBooleanWrapper(this, "ucs2");
    private final ReadOnlyBooleanWrapper analysing = new ReadOnlyBooleanWrapper(this, "analysing");

    private final ObservableList<ListChoice> lists = FXCollections.observableArrayList();
    private final ObjectProperty<ListChoice> list = new SimpleObjectProperty<>(this, "list");
    private final ObservableList<CampaignValues> campaigns = FXCollections.observableArrayList(CampaignValues.NONE);
    private final ObjectProperty<CampaignValues> values = new SimpleObjectProperty<>(this, "values",
            CampaignValues.NONE);
    private final ReadOnlyLongWrapper contactIndex = new ReadOnlyLongWrapper(this, "contactIndex");
    private final ReadOnlyLongWrapper contactCount = new ReadOnlyLongWrapper(this, "contactCount");
    private final ReadOnlyObjectWrapper<ContactSample> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final ReadOnlyStringWrapper contactPosition = new ReadOnlyStringWrapper(this, "contactPosition", "");
    private final ReadOnlyStringWrapper previewSubject = new ReadOnlyStringWrapper(this, "previewSubject");
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText");
    private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper(this, "previewProblem");

    private final ReadOnlyStringWrapper saveBlocked = new ReadOnlyStringWrapper(this, "saveBlocked");
    private final ReadOnlyStringWrapper submitBlocked = new ReadOnlyStringWrapper(this, "submitBlocked");
    private final ReadOnlyStringWrapper approveBlocked = new ReadOnlyStringWrapper(this, "approveBlocked");
    private final ReadOnlyStringWrapper rejectBlocked = new ReadOnlyStringWrapper(this, "rejectBlocked");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loadedOnce = new ReadOnlyBooleanWrapper(this, "loadedOnce");

    private boolean loading;
    private boolean valuesChosen;
    private int analysisGeneration;
    private int contactGeneration;
    private Cancellable debounce = Cancellable.NONE;
    private Cancellable analysis = Cancellable.NONE;
    private Cancellable historyRead = Cancellable.NONE;

    public TemplatesViewModel(TemplatesBackend backend, TaskRunner tasks, DialogService dialogs, ReviewDialogs review,
                              Session session) {
        this.backend = Objects.requireNonNull(backend);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.review = Objects.requireNonNull(review);
        this.session = Objects.requireNonNull(session);
        this.history = new HistoryModel(tasks);
        this.coverage = new CoverageModel(backend, tasks);

        selected.addListener((obs, was, now) -> {
            if (loading || now == null || (was != null && was.version().equals(now.version()) && open.get())) {
                return;
            }
            if (!confirmDiscard()) {
                loading = true;
                selected.set(was);
                loading = false;
                return;
            }
            load(now.version(), now.purpose());
        });
        for (Observable content : List.of(name, subject, textBody, htmlBody, purpose)) {
            content.addListener(o -> contentChanged());
        }
        list.addListener((obs, was, now) -> listChanged(now));
        values.addListener((obs, was, now) -> {
            if (!loading) {
                valuesChosen = true;
            }
            updateKnown();
            contentChanged();
        });
        session.actorProperty().addListener((obs, was, now) -> updatePermissions());
        updatePermissions();
    }

    // ---- reading

    /** Reads the templates, lists and campaign values; keeps the open template and the chosen list. */
    public void refresh() {
        refresh(null);
    }

    private void refresh(String thenOpen) {
        tasks.task(backend::overview).onSuccess(o -> applyOverview(o, thenOpen))
                .onFailure(e -> dialogs.showError("Templates not read", message(e))).start();
    }

    private void applyOverview(TemplatesBackend.Overview o, String thenOpen) {
        loading = true;
        try {
            String keep = thenOpen != null ? thenOpen : templateId.get();
            templates.setAll(o.templates());
            Long listId = list.get() == null ? null : list.get().id();
            lists.setAll(o.lists());
            List<CampaignValues> all = new ArrayList<>();
            all.add(CampaignValues.NONE);
            all.addAll(o.campaigns());
            CampaignValues chosen = values.get();
            campaigns.setAll(all);
            values.set(all.stream().filter(c -> c.campaign().equals(chosen.campaign())).findFirst()
                    .orElse(CampaignValues.NONE));
            ListChoice again = lists.stream().filter(l -> listId != null && l.id() == listId).findFirst()
                    .orElse(lists.isEmpty() ? null : lists.getFirst());
            if (!Objects.equals(again, list.get())) {
                list.set(again);
            }
            TemplateService.Entry match = templates.stream()
                    .filter(e -> e.version().template().id().equals(keep)).findFirst().orElse(null);
            selected.set(match);
            if (match != null && (thenOpen != null || !dirty.get())) {
                load(match.version(), match.purpose());
            } else if (match == null && !open.get() && !templates.isEmpty()) {
                selected.set(templates.getFirst());
                load(templates.getFirst().version(), templates.getFirst().purpose());
            }
        } finally {
            loading = false;
            loadedOnce.set(true);
        }
        updateKnown();
        updatePermissions();
        scheduleAnalysis();
    }

    private void load(TemplateVersion v, Purpose p) {
        boolean was = loading;
        loading = true;
        try {
            Template t = v.template();
            loaded.set(v);
            loadedPurpose = p;
            templateId.set(t.id());
            channel.set(t.channel());
            name.set(t.name());
            subject.set(t.subject() == null ? "" : t.subject());
            textBody.set(t.textBody());
            htmlBody.set(t.htmlBody() == null ? "" : t.htmlBody());
            purpose.set(p);
            open.set(true);
            dirty.set(false);
            versionInfo.set("Version " + t.version() + " · " + describe(v));
        } finally {
            loading = was;
        }
        coverage.clear("");
        readHistory(v.template().id());
        updatePermissions();
        scheduleAnalysis();
    }

    private void readHistory(String id) {
        historyRead.cancel();
        historyRead = tasks.run(() -> backend.history(id), history::show,
                e -> dialogs.showError("History not read", message(e)));
    }

    static String describe(TemplateVersion v) {
        String state = v.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String who = switch (v.state()) {
            case APPROVED -> "written by " + v.author() + ", approved by " + v.approver();
            case REJECTED -> "written by " + v.author() + ", rejected by " + v.approver();
            default -> "written by " + v.author();
        };
        return state + " · " + who + " · " + Formats.instant(v.updatedAt());
    }

    // ---- editing

    /** Asks for a new template's id, name, channel and purpose and opens it, unsaved, in the editor. */
    public void newTemplate() {
        if (!confirmDiscard()) {
            return;
        }
        Optional<ReviewDialogs.NewTemplate> answer = review.newTemplate();
        if (answer.isEmpty()) {
            return;
        }
        ReviewDialogs.NewTemplate n = answer.get();
        String id = n.id() == null ? "" : n.id().strip();
        if (!TemplateService.ID.matcher(id).matches()) {
            dialogs.showError("New template", "Template id: \"" + id + "\" is not usable; use 1 to 100 letters,"
                    + " digits, '-', '_' or '.', starting with a letter or digit.");
            return;
        }
        if (templates.stream().anyMatch(e -> e.version().template().id().equalsIgnoreCase(id))) {
            dialogs.showError("New template", "Template id: \"" + id + "\" is taken; open that template or choose"
                    + " another id.");
            return;
        }
        if (n.name() == null || n.name().isBlank()) {
            dialogs.showError("New template", "Name: a template needs a name.");
            return;
        }
        loading = true;
        try {
            selected.set(null);
            loaded.set(null);
            loadedPurpose = null;
            templateId.set(id);
            channel.set(n.channel());
            name.set(n.name().strip());
            subject.set("");
            textBody.set("");
            htmlBody.set("");
            purpose.set(n.purpose());
            open.set(true);
            dirty.set(true);
            versionInfo.set("New · not saved yet");
        } finally {
            loading = false;
        }
        history.clear();
        coverage.clear("");
        updatePermissions();
        scheduleAnalysis();
    }

    private boolean confirmDiscard() {
        if (!dirty.get() || !open.get()) {
            return true;
        }
        return dialogs.ask("Unsaved changes", "Discard your changes to \"" + name.get() + "\"?", "Discard changes");
    }

    private void contentChanged() {
        if (loading) {
            return;
        }
        if (open.get()) {
            dirty.set(!matchesLoaded());
        }
        coverage.inputsChanged();
        updatePermissions();
        scheduleAnalysis();
    }

    private boolean matchesLoaded() {
        TemplateVersion v = loaded.get();
        if (v == null) {
            return false;
        }
        Template t = v.template();
        return t.name().equals(name.get()) && Objects.equals(nullIfEmpty(t.subject()), nullIfEmpty(subject.get()))
                && t.textBody().equals(textBody.get())
                && Objects.equals(nullIfEmpty(t.htmlBody()), nullIfEmpty(htmlBody.get()))
                && purpose.get() == loadedPurpose;
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The editor's content as a template; throws IllegalArgumentException naming the field that is wrong. */
    private Template currentTemplate() {
        Channel c = channel.get();
        int version = loaded.get() == null ? 1 : loaded.get().template().version();
        if (name.get() == null || name.get().isBlank()) {
            throw new IllegalArgumentException("Name: a template needs a name.");
        }
        if (c == Channel.EMAIL) {
            return new Template(templateId.get(), c, name.get().strip(), subject.get(), textBody.get(),
                    nullIfEmpty(htmlBody.get()), version);
        }
        return new Template(templateId.get(), c, name.get().strip(), null, textBody.get(), null, version);
    }

    // ---- preview, lint, coverage

    private void listChanged(ListChoice now) {
        if (!valuesChosen && now != null) {
            CampaignValues match = campaigns.stream().filter(c -> now.name().equals(c.list())).findFirst()
                    .orElse(CampaignValues.NONE);
            boolean was = loading;
            loading = true;
            values.set(match);
            loading = was;
        }
        updateKnown();
        contactCount.set(now == null ? 0 : now.contacts());
        coverage.clear(now == null ? "Choose a list to measure coverage." : "");
        showContact(0);
    }

    private void updateKnown() {
        ListChoice l = list.get();
        Map<String, String> v = values.get() == null ? Map.of() : values.get().values();
        known.set(l == null ? null : TemplateAnalysis.known(l.variables(), v));
        Set<String> offered = new LinkedHashSet<>();
        if (l != null) {
            offered.addAll(l.variables());
        }
        offered.addAll(v.keySet());
        completions.setAll(offered);
    }

    /** Previews the next contact of the list. */
    public void nextContact() {
        if (contactIndex.get() + 1 < contactCount.get()) {
            showContact(contactIndex.get() + 1);
        }
    }

    /** Previews the previous contact of the list. */
    public void previousContact() {
        if (contactIndex.get() > 0) {
            showContact(contactIndex.get() - 1);
        }
    }

    private void showContact(long index) {
        ListChoice l = list.get();
        int gen = ++contactGeneration;
        contactIndex.set(index);
        if (l == null || l.contacts() == 0) {
            contact.set(null);
            contactPosition.set(l == null ? "" : "No contacts");
            scheduleAnalysis();
            return;
        }
        contactPosition.set(Formats.count(index + 1) + " of " + Formats.count(l.contacts()));
        tasks.run(() -> backend.contact(l.id(), index), found -> {
            if (gen != contactGeneration) {
                return;
            }
            contact.set(found.orElse(null));
            if (found.isEmpty()) {
                contactPosition.set("Contact " + Formats.count(index + 1) + " is gone; the list changed");
            }
            scheduleAnalysis();
        }, e -> dialogs.showError("Contact not read", message(e)));
    }

    private void scheduleAnalysis() {
        debounce.cancel();
        if (!open.get()) {
            return;
        }
        analysing.set(true);
        debounce = tasks.later(DEBOUNCE, this::analyse);
    }

    private void analyse() {
        analysis.cancel();
        int gen = ++analysisGeneration;
        Template t = null;
        String invalid = null;
        try {
            t = currentTemplate();
        } catch (IllegalArgumentException e) {
            invalid = e.getMessage();
        }
        ListChoice l = list.get();
        Map<String, String> v = values.get() == null ? Map.of() : values.get().values();
        TemplateAnalysis.Input in = new TemplateAnalysis.Input(t, invalid, purpose.get(),
                l == null ? null : l.variables(), v, contact.get());
        Template measured = t;
        analysis = tasks.run(() -> TemplateAnalysis.analyse(in), result -> {
            if (gen != analysisGeneration) {
                return;
            }
            analysing.set(false);
            findings.setAll(result.findings());
            errorCount.set(result.errors());
            smsInfo.set(result.sms());
            ucs2.set(result.ucs2());
            previewSubject.set(result.previewSubject());
            previewText.set(result.previewText());
            previewProblem.set(result.previewProblem());
            updatePermissions();
            if (measured != null && l != null && l.contacts() <= AUTO_COVERAGE_CONTACTS
                    && !result.findings().stream().anyMatch(f -> "SYNTAX".equals(f.finding().code()))) {
                coverage.measure(measured, l, v);
            }
        }, e -> {
            analysing.set(false);
            dialogs.showError("Template not checked", message(e));
        });
    }

    /** Measures coverage over the whole chosen list now (big lists are not measured on every edit). */
    public void measureCoverage() {
        ListChoice l = list.get();
        if (l == null || !open.get()) {
            return;
        }
        try {
            coverage.measure(currentTemplate(), l, values.get().values());
        } catch (IllegalArgumentException e) {
            dialogs.showError("Coverage not measured", e.getMessage());
        }
    }

    public void cancelCoverage() {
        coverage.cancel();
    }

    // ---- review actions

    private void updatePermissions() {
        Actor me = session.actor().orElse(null);
        TemplateVersion v = loaded.get();
        editable.set(open.get() && me != null && editBlocked(me, v) == null);
        saveBlocked.set(saveWhy(me, v));
        submitBlocked.set(submitWhy(me, v));
        approveBlocked.set(reviewWhy(me, v, "approve"));
        rejectBlocked.set(reviewWhy(me, v, "reject"));
    }

    private String editBlocked(Actor me, TemplateVersion v) {
        if (!me.profile().role().mayWriteTemplates()) {
            return "Your profile (" + role(me) + ") may not write templates.";
        }
        if (v == null) {
            return null;
        }
        return switch (v.state()) {
            case DRAFT, REJECTED -> TemplateWorkflow.samePerson(v.author(), me.name()) ? null
                    : "Only the author (" + v.author() + ") can edit this " + state(v) + " version.";
            case APPROVED -> null;
            case IN_REVIEW -> "Version " + v.template().version() + " is in review; a reviewer must approve or"
                    + " reject it before it can change.";
            case RETIRED -> "Version " + v.template().version() + " is retired.";
        };
    }

    private String saveWhy(Actor me, TemplateVersion v) {
        if (busy.get()) {
            return "Working …";
        }
        if (!open.get()) {
            return "Open or create a template first.";
        }
        if (me == null) {
            return "Nobody is signed in.";
        }
        String blocked = editBlocked(me, v);
        if (blocked != null) {
            return blocked;
        }
        return dirty.get() ? null : "No changes to save.";
    }

    private String submitWhy(Actor me, TemplateVersion v) {
        if (busy.get()) {
            return "Working …";
        }
        if (me == null) {
            return "Nobody is signed in.";
        }
        if (v == null) {
            return open.get() ? "Save the template first." : "Open a template first.";
        }
        if (v.state() != TemplateState.DRAFT) {
            return "Only a draft can be submitted; version " + v.template().version() + " is " + state(v) + ".";
        }
        if (!TemplateWorkflow.samePerson(v.author(), me.name())) {
            return "Only the author (" + v.author() + ") can submit this draft.";
        }
        if (dirty.get()) {
            return "Save your changes first.";
        }
        if (errorCount.get() > 0) {
            return "Fix the lint " + (errorCount.get() == 1 ? "error" : errorCount.get() + " errors") + " first.";
        }
        return null;
    }

    private String reviewWhy(Actor me, TemplateVersion v, String action) {
        if (busy.get()) {
            return "Working …";
        }
        if (me == null) {
            return "Nobody is signed in.";
        }
        if (v == null || v.state() != TemplateState.IN_REVIEW) {
            return "Only a version in review can be " + (action.equals("approve") ? "approved" : "rejected")
                    + (v == null ? "." : "; version " + v.template().version() + " is " + state(v) + ".");
        }
        if (!me.profile().role().mayReviewTemplates()) {
            return "Reviewing takes a compliance or admin profile; " + me.name() + " is " + role(me) + ".";
        }
        if (TemplateWorkflow.samePerson(v.author(), me.name())) {
            return "You wrote version " + v.template().version() + "; another person must " + action + " it.";
        }
        if (dirty.get()) {
            return "Discard your edits first: you " + action + " the stored version.";
        }
        return null;
    }

    public void save() {
        if (saveBlocked.get() != null) {
            return;
        }
        Actor me = session.require();
        Template t;
        try {
            t = currentTemplate();
        } catch (IllegalArgumentException e) {
            dialogs.showError("Template not saved", e.getMessage());
            return;
        }
        Purpose p = purpose.get();
        act("Template not saved", () -> backend.save(me, t, p),
                v -> "Saved version " + v.template().version() + " as a draft.");
    }

    public void submit() {
        if (submitBlocked.get() != null) {
            return;
        }
        Actor me = session.require();
        String id = templateId.get();
        act("Template not submitted", () -> backend.submit(me, id),
                v -> "Version " + v.template().version() + " is in review; another person must approve it.");
    }

    public void approve() {
        if (approveBlocked.get() != null) {
            return;
        }
        Actor me = session.require();
        TemplateVersion v = loaded.get();
        String hash = v.template().contentHash();
        Optional<String> comment = review.comment("Approve \"" + v.template().name() + "\"",
                "You approve version " + v.template().version() + " by " + v.author() + " exactly as shown (content "
                        + hash.substring(0, 12) + "…). Campaigns may send it from now on; any later edit needs a new"
                        + " approval.", "Approve", false);
        if (comment.isEmpty()) {
            return;
        }
        String id = v.template().id();
        act("Template not approved", () -> backend.approve(me, id, hash, comment.get()),
                done -> "Approved version " + done.template().version() + ".");
    }

    public void reject() {
        if (rejectBlocked.get() != null) {
            return;
        }
        Actor me = session.require();
        TemplateVersion v = loaded.get();
        Optional<String> reason = review.comment("Reject \"" + v.template().name() + "\"",
                "Tell " + v.author() + " what to change in version " + v.template().version() + ".", "Reject", true);
        if (reason.isEmpty()) {
            return;
        }
        String id = v.template().id();
        act("Template not rejected", () -> backend.reject(me, id, reason.get()),
                done -> "Rejected version " + done.template().version() + "; " + done.author() + " can edit it.");
    }

    private interface Step {
        TemplateVersion call() throws Exception;
    }

    private void act(String failureTitle, Step step, java.util.function.Function<TemplateVersion, String> done) {
        busy.set(true);
        updatePermissions();
        tasks.task(step::call).onSuccess(v -> {
            message.set(done.apply(v));
            dirty.set(false);
            refresh(v.template().id());
        }).onFailure(e -> dialogs.showError(failureTitle, message(e))).andFinally(() -> {
            busy.set(false);
            updatePermissions();
        }).start();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String state(TemplateVersion v) {
        return v.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String role(Actor me) {
        return me.profile().role().name().toLowerCase(Locale.ROOT);
    }

    // ---- properties

    public ObservableList<TemplateService.Entry> templates() {
        return templates;
    }

    public ObjectProperty<TemplateService.Entry> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<TemplateVersion> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty templateIdProperty() {
        return templateId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Channel> channelProperty() {
        return channel.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty textBodyProperty() {
        return textBody;
    }

    public StringProperty htmlBodyProperty() {
        return htmlBody;
    }

    public ObjectProperty<Purpose> purposeProperty() {
        return purpose;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionInfoProperty() {
        return versionInfo.getReadOnlyProperty();
    }

    /** The variables the chosen list and campaign values supply, lower case; null when no list is chosen. */
    public ReadOnlyObjectProperty<Set<String>> knownProperty() {
        return known.getReadOnlyProperty();
    }

    /** What to offer after {@code {{}: the list's variables and the campaign values' names. */
    public ObservableList<String> completions() {
        return completions;
    }

    ObservableList<LintItem> findings() {
        return findings;
    }

    public ReadOnlyLongProperty errorCountProperty() {
        return errorCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty smsInfoProperty() {
        return smsInfo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty ucs2Property() {
        return ucs2.getReadOnlyProperty();
    }

    /** True from an edit until its analysis is shown. */
    public ReadOnlyBooleanProperty analysingProperty() {
        return analysing.getReadOnlyProperty();
    }

    public ObservableList<ListChoice> lists() {
        return lists;
    }

    public ObjectProperty<ListChoice> listProperty() {
        return list;
    }

    public ObservableList<CampaignValues> campaigns() {
        return campaigns;
    }

    public ObjectProperty<CampaignValues> valuesProperty() {
        return values;
    }

    public ReadOnlyLongProperty contactIndexProperty() {
        return contactIndex.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty contactCountProperty() {
        return contactCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactSample> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    /** "12 of 3,000". */
    public ReadOnlyStringProperty contactPositionProperty() {
        return contactPosition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSubjectProperty() {
        return previewSubject.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProblemProperty() {
        return previewProblem.getReadOnlyProperty();
    }

    CoverageModel coverage() {
        return coverage;
    }

    HistoryModel history() {
        return history;
    }

    /** Why Save is not offered, or null when it is. */
    public ReadOnlyStringProperty saveBlockedProperty() {
        return saveBlocked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty submitBlockedProperty() {
        return submitBlocked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approveBlockedProperty() {
        return approveBlocked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectBlockedProperty() {
        return rejectBlocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last action, for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedOnceProperty() {
        return loadedOnce.getReadOnlyProperty();
    }
}
