package dev.switchboard.app.console.timeline;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.campaigns.Timelines;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One contact's timeline: a lane per channel (and one for replies and exits) with its attempts and their outcomes,
 * compliance blocks and deferrals with their rules, and the planned next steps in the contact's local time; "why not
 * now / when next" from the compliance gate; the evidence export. Everything is read off the UI thread.
 */
public final class TimelineViewModel {

    /** The timeline's rows. */
    public enum Lane {
        VOICE("Voice"), SMS("SMS"), EMAIL("Email"), OTHER("Inbound & steps");

        private final String label;

        Lane(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Lane of(String channel) {
            if (channel == null) {
                return OTHER;
            }
            return switch (channel.toUpperCase(Locale.ROOT)) {
                case "VOICE" -> VOICE;
                case "SMS" -> SMS;
                case "EMAIL" -> EMAIL;
                default -> OTHER;
            };
        }
    }

    /** How an entry is drawn. */
    public enum Mark { DELIVERED, FAILED, PENDING, NOT_SENT, BLOCKED, DEFERRED, SKIPPED, EXITED, INBOUND, PLANNED, NOTE }

    /**
     * One thing on the timeline.
     *
     * @param local the instant in the contact's (first candidate) time zone
     * @param title a short line: what happened and its outcome or rule
     */
    public record Entry(Instant at, String local, Lane lane, Mark mark, String title, String rule, String detail,
                        boolean planned) {
    }

    private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter.ofPattern(
            "EEE d MMM HH:mm z", Locale.US);

    private final ContactTimelines source;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper next = new ReadOnlyStringWrapper(this, "next", "");
    private final ReadOnlyStringWrapper whyNot = new ReadOnlyStringWrapper(this, "whyNot", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(this, "zone", ZoneId.of("UTC"));
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Timelines.Rule> rules = FXCollections.observableArrayList();
    private String list;
    private String key;
    private int ticket;

    public TimelineViewModel(ContactTimelines source, TaskRunner tasks, DialogService dialogs) {
        this.source = source;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** What one load reads: the timeline and the gate's answer for the next touch now. */
    record Loaded(Timelines.Timeline timeline, Timelines.Explanation explanation, String explanationError,
                  Instant now) {
    }

    /** Shows the contact {@code key} of {@code list}. */
    public void load(String list, String key) {
        this.list = list;
        this.key = key;
        title.set(key);
        subtitle.set(list);
        refresh();
    }

    /** Reads the timeline again. */
    public void refresh() {
        if (list == null) {
            return;
        }
        int mine = ++ticket;
        String l = list;
        String k = key;
        loading.set(true);
        message.set("");
        tasks.run(() -> read(l, k), loaded -> {
            if (mine == ticket) {
                loading.set(false);
                show(loaded);
            }
        }, failure -> {
            if (mine == ticket) {
                loading.set(false);
                message.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        });
    }

    private Loaded read(String l, String k) throws Exception {
        Timelines.Timeline t = source.timeline(l, k);
        Timelines.Item first = t.planned().isEmpty() ? null : t.planned().getFirst();
        Timelines.Explanation x = null;
        String error = null;
        if (first != null && first.channel() != null) {
            ZoneId zone = t.zones().isEmpty() ? ZoneId.of("UTC") : ZoneId.of(t.zones().getFirst());
            try {
                x = source.whyNot(l, k, first.channel(), first.campaign(), zone);
            } catch (Exception e) {
                error = e.getMessage();
            }
        }
        return new Loaded(t, x, error, x != null ? x.at() : source.now());
    }

    private void show(Loaded loaded) {
        Timelines.Timeline t = loaded.timeline();
        title.set(t.name() == null || t.name().isBlank() ? t.externalKey() : t.name());
        subtitle.set(t.externalKey() + " · " + t.list() + " · " + (t.zones().isEmpty() ? "time zone unknown"
                : String.join(", ", t.zones()) + " (from " + t.zoneSource() + ")"));
        zone.set(t.zones().isEmpty() ? ZoneId.of("UTC") : ZoneId.of(t.zones().getFirst()));
        // an event without a channel (a deferral of a step) goes to the lane of its step's channel
        java.util.Map<String, String> stepChannels = new java.util.HashMap<>();
        for (Timelines.Item i : t.past()) {
            if (i.step() != null && i.channel() != null) {
                stepChannels.putIfAbsent(i.campaign() + "/" + i.step(), i.channel());
            }
        }
        for (Timelines.Item i : t.planned()) {
            if (i.step() != null && i.channel() != null) {
                stepChannels.putIfAbsent(i.campaign() + "/" + i.step(), i.channel());
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Timelines.Item i : t.past()) {
            out.add(entry(i, false, stepChannels, zone.get()));
        }
        for (Timelines.Item i : t.planned()) {
            out.add(entry(i, true, stepChannels, zone.get()));
        }
        entries.setAll(out);
        now.set(loaded.now());
        next.set(nextText(t));
        rules.clear();
        if (loaded.explanation() != null) {
            whyNot.set(loaded.explanation().text());
            rules.setAll(loaded.explanation().trace());
        } else if (loaded.explanationError() != null) {
            whyNot.set("The gate could not be asked: " + loaded.explanationError());
        } else {
            whyNot.set(t.planned().isEmpty() ? "No touch is planned, so nothing is being held back."
                    : "The next step is not a touch: nothing for the gate to decide yet.");
        }
    }

    static String nextText(Timelines.Timeline t) {
        if (t.planned().isEmpty()) {
            return "Nothing planned: the contact has no active enrollment.";
        }
        Timelines.Item i = t.planned().getFirst();
        StringBuilder sb = new StringBuilder("Next: ");
        sb.append(i.channel() == null ? "step " + i.step() : i.channel().toLowerCase(Locale.ROOT) + " (step "
                + i.step() + ")");
        sb.append(" of ").append(i.campaign()).append(", ").append(local(i));
        if (i.state() != null) {
            sb.append(" · ").append(i.state());
        }
        if (i.rule() != null) {
            sb.append(" · held by ").append(i.rule());
        }
        if (i.detail() != null) {
            sb.append(" · ").append(i.detail());
        }
        return sb.toString();
    }

    static Entry entry(Timelines.Item i, boolean planned, java.util.Map<String, String> stepChannels, ZoneId zone) {
        Lane lane = Lane.of(i.channel() != null ? i.channel() : stepChannels.get(i.campaign() + "/" + i.step()));
        Mark mark;
        String what;
        if (planned) {
            mark = Mark.PLANNED;
            what = (i.channel() == null ? i.state() == null ? "step" : i.state() : i.channel().toLowerCase(Locale.ROOT))
                    + (i.step() == null ? "" : " · " + i.step()) + (i.state() == null || i.channel() == null ? ""
                    : " (" + i.state() + ")");
        } else {
            switch (i.kind()) {
                case "ATTEMPT" -> {
                    mark = attemptMark(i.state(), i.outcome());
                    what = (i.channel() == null ? "attempt" : i.channel().toLowerCase(Locale.ROOT)) + " · "
                            + (i.outcome() != null ? i.outcome().toLowerCase(Locale.ROOT)
                            : i.state() == null ? "" : i.state().toLowerCase(Locale.ROOT));
                }
                case "BLOCKED" -> {
                    mark = Mark.BLOCKED;
                    what = "blocked";
                }
                case "DEFERRED" -> {
                    mark = Mark.DEFERRED;
                    what = "deferred" + (i.until() == null ? "" : " until " + UNTIL.format(i.until().atZone(zone)));
                }
                case "SKIPPED" -> {
                    mark = Mark.SKIPPED;
                    what = "skipped";
                }
                case "EXITED" -> {
                    mark = Mark.EXITED;
                    what = "exited";
                }
                case "INBOUND" -> {
                    mark = Mark.INBOUND;
                    what = i.outcome() == null ? "inbound" : i.outcome().toLowerCase(Locale.ROOT).replace('_', ' ');
                }
                default -> {
                    mark = Mark.NOTE;
                    what = i.kind().toLowerCase(Locale.ROOT);
                }
            }
            if (i.rule() != null) {
                what += " · " + i.rule();
            }
        }
        return new Entry(i.at(), local(i), lane, mark, what, i.rule(), detail(i), planned);
    }

    private static Mark attemptMark(String state, String outcome) {
        if (outcome != null) {
            return switch (outcome.toUpperCase(Locale.ROOT)) {
                case "DELIVERED", "ANSWERED", "CONNECTED" -> Mark.DELIVERED;
                default -> Mark.FAILED;
            };
        }
        if (state == null) {
            return Mark.PENDING;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "NOT_SENT" -> Mark.NOT_SENT;
            case "FAILED" -> Mark.FAILED;
            default -> Mark.PENDING;
        };
    }

    private static String detail(Timelines.Item i) {
        StringBuilder sb = new StringBuilder();
        if (i.campaign() != null) {
            sb.append(i.campaign());
            if (i.step() != null) {
                sb.append(" · step ").append(i.step());
            }
        }
        if (i.detail() != null && !i.detail().isBlank()) {
            if (!sb.isEmpty()) {
                sb.append(" — ");
            }
            sb.append(i.detail());
        }
        return sb.toString();
    }

    private static String local(Timelines.Item i) {
        return i.local() == null || i.local().isEmpty() ? i.at() + " UTC" : i.local().getFirst();
    }

    /** Asks where to save the contact's evidence CSV, then writes it in the background. */
    public void exportEvidence() {
        if (list == null) {
            return;
        }
        var target = dialogs.chooseFileToSave("Export evidence", key.replaceAll("[^A-Za-z0-9._-]", "_")
                + "-evidence.csv");
        if (target.isEmpty()) {
            return;
        }
        String l = list;
        String k = key;
        Path file = target.get();
        message.set("Exporting evidence…");
        tasks.run(() -> {
            String csv = source.evidence(l, k);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".evidence", ".tmp");
            try {
                Files.writeString(tmp, csv, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Math.max(0, csv.split("\n", -1).length - 2);
        }, rows -> message.set("Evidence written to " + file + " (" + rows + " attempts)."), failure -> {
            message.set("");
            dialogs.showError("Evidence not exported", failure.getMessage() == null ? failure.toString()
                    : failure.getMessage());
        });
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextProperty() {
        return next.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyNotProperty() {
        return whyNot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Now" on the engine's clock when the timeline was read. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The contact's (first candidate) time zone: the chart's axis is in it. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    /** The rules the gate evaluated for the next touch now. */
    public ObservableList<Timelines.Rule> rules() {
        return FXCollections.unmodifiableObservableList(rules);
    }
}
