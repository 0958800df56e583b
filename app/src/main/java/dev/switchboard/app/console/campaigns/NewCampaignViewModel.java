package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The New campaign dialog: its fields, a message per field while a value is wrong (shown once the field was edited),
 * Create enabled only when every field is valid, and the service's own refusal shown next to the field it names.
 */
public final class NewCampaignViewModel {
    /** The dialog's fields, for their messages. */
    public enum Field { NAME, LIST, SEQUENCE, VERSION, PURPOSE, SMS_FROM, EMAIL_FROM, VARIABLES, PROFILE, PASSWORD }

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The service names fields as its Spec does. */
    private static final Map<String, Field> SERVICE_FIELDS = Map.of("name", Field.NAME, "list", Field.LIST,
            "sequence", Field.SEQUENCE, "purpose", Field.PURPOSE, "smsFrom", Field.SMS_FROM, "emailFrom",
            Field.EMAIL_FROM);

    private final CampaignBackend backend;
    private final TaskRunner tasks;
    private final Consumer<String> created;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<String> list = new SimpleObjectProperty<>(this, "list");
    private final ObjectProperty<CampaignBackend.SequenceChoice> sequence = new SimpleObjectProperty<>(this,
            "sequence");
    private final ObjectProperty<Integer> version = new SimpleObjectProperty<>(this, "version");
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>(this, "purpose");
    private final StringProperty smsFrom = new SimpleStringProperty(this, "smsFrom", "");
    private final StringProperty emailFrom = new SimpleStringProperty(this, "emailFrom", "");
    private final StringProperty variables = new SimpleStringProperty(this, "variables", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObservableList<String> lists = FXCollections.observableArrayList();
    private final ObservableList<CampaignBackend.SequenceChoice> sequences = FXCollections.observableArrayList();
    private final ObservableList<Integer> versions = FXCollections.observableArrayList();
    private final Map<Field, ReadOnlyStringWrapper> messages = new EnumMap<>(Field.class);
    private final Map<Field, String> problems = new EnumMap<>(Field.class);
    private final Map<Field, String> refusals = new EnumMap<>(Field.class);
    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError");
    private final ReadOnlyObjectWrapper<String> done = new ReadOnlyObjectWrapper<>(this, "done");

    /** {@code created} gets the new campaign's name (on the UI thread); {@code lastProfile} may be null. */
    NewCampaignViewModel(CampaignBackend backend, TaskRunner tasks, String lastProfile, Consumer<String> created) {
        this.backend = backend;
        this.tasks = tasks;
        this.created = created;
        for (Field f : Field.values()) {
            messages.put(f, new ReadOnlyStringWrapper(this, f.name()));
        }
        profile.set(lastProfile == null ? "" : lastProfile);
        watch(Field.NAME, name);
        watch(Field.LIST, list);
        watch(Field.SEQUENCE, sequence);
        watch(Field.VERSION, version);
        watch(Field.PURPOSE, purpose);
        watch(Field.SMS_FROM, smsFrom);
        watch(Field.EMAIL_FROM, emailFrom);
        watch(Field.VARIABLES, variables);
        watch(Field.PROFILE, profile);
        watch(Field.PASSWORD, password);
        sequence.addListener((obs, was, now) -> {
            versions.setAll(now == null ? List.of() : now.versions().keySet().stream().sorted((a, b) -> b - a)
                    .toList());
            version.set(now == null ? null : now.latest());
        });
        validate();
    }

    private void watch(Field field, Observable property) {
        property.addListener(o -> {
            touched.add(field);
            refusals.remove(field);
            validate();
        });
    }

    /** Reads the lists and the published sequences to choose from. */
    public void load() {
        tasks.task(backend::choices)
                .onSuccess(c -> {
                    lists.setAll(c.lists());
                    sequences.setAll(c.sequences());
                    if (c.lists().size() == 1 && list.get() == null) {
                        list.set(c.lists().getFirst());
                        touched.remove(Field.LIST);
                    }
                    validate();
                })
                .onFailure(e -> formError.set("Could not read the lists and sequences: " + Actions.message(e)))
                .start();
    }

    /** Creates the campaign as the given profile; on success the dialog is {@linkplain #doneProperty() done}. */
    public void create() {
        touched.addAll(EnumSet.allOf(Field.class));
        validate();
        if (!valid.get()) {
            return;
        }
        CampaignService.Spec spec = new CampaignService.Spec(name.get().strip(), list.get(), sequence.get().key(),
                version.get(), purpose.get(), blankToNull(smsFrom.get()), blankToNull(emailFrom.get()),
                parseVariables(variables.get()));
        CampaignBackend.Credentials by = new CampaignBackend.Credentials(profile.get().strip(),
                password.get().toCharArray());
        busy.set(true);
        formError.set(null);
        validate();
        tasks.task(() -> backend.create(by, spec))
                .onSuccess(v -> {
                    done.set(v.name());
                    created.accept(v.name());
                })
                .onFailure(this::refused)
                .andFinally(() -> {
                    busy.set(false);
                    validate();
                })
                .start();
    }

    private void refused(Throwable e) {
        if (e instanceof PermissionDeniedException) {
            refusals.put(Field.PROFILE, e.getMessage());
        } else if (e instanceof CampaignService.CampaignException) {
            String m = e.getMessage();
            String body = m.startsWith("Cannot create the campaign: ") ? m.substring(28) : m;
            if (body.endsWith(".")) {
                body = body.substring(0, body.length() - 1);
            }
            StringBuilder rest = new StringBuilder();
            for (String part : body.split("; ")) {
                int colon = part.indexOf(": ");
                Field f = colon < 0 ? null : SERVICE_FIELDS.get(part.substring(0, colon));
                if (f != null) {
                    refusals.put(f, capitalize(part.substring(colon + 2)));
                } else {
                    rest.append(rest.isEmpty() ? "" : "; ").append(part);
                }
            }
            formError.set(rest.isEmpty() ? null : "Cannot create the campaign: " + rest + ".");
        } else {
            formError.set("The campaign was not created: " + Actions.message(e));
        }
        validate();
    }

    private void validate() {
        problems.clear();
        String n = name.get().strip();
        if (n.isEmpty()) {
            problems.put(Field.NAME, "Name the campaign");
        } else if (!NAME.matcher(n).matches()) {
            problems.put(Field.NAME, "1–100 letters, digits, spaces, dots, dashes or underscores, starting with a"
                    + " letter or digit");
        }
        if (list.get() == null) {
            problems.put(Field.LIST, lists.isEmpty() ? "No lists yet: import one on the Lists screen"
                    : "Choose the list to contact");
        }
        if (sequence.get() == null) {
            problems.put(Field.SEQUENCE, "Choose a published sequence");
        } else if (version.get() == null) {
            problems.put(Field.VERSION, "Choose the version to pin");
        }
        if (purpose.get() == null) {
            problems.put(Field.PURPOSE, "Choose the purpose: it decides which rules apply");
        }
        Set<Channel> channels = channels();
        String sms = smsFrom.get().strip();
        if (channels.contains(Channel.SMS) && sms.isEmpty()) {
            problems.put(Field.SMS_FROM, "The sequence sends SMS: give the sending number");
        } else if (!sms.isEmpty() && !E164.matcher(sms).matches()) {
            problems.put(Field.SMS_FROM, "A number in E.164, e.g. +13175550100");
        }
        String email = emailFrom.get().strip();
        if (channels.contains(Channel.EMAIL) && email.isEmpty()) {
            problems.put(Field.EMAIL_FROM, "The sequence sends email: give the from address");
        } else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.put(Field.EMAIL_FROM, "Not an email address");
        }
        String varProblem = variablesProblem(variables.get());
        if (varProblem != null) {
            problems.put(Field.VARIABLES, varProblem);
        }
        if (profile.get().isBlank()) {
            problems.put(Field.PROFILE, "The profile that creates it (operator or admin)");
        }
        if (password.get().isEmpty()) {
            problems.put(Field.PASSWORD, "The profile's password");
        }
        for (Field f : Field.values()) {
            // a sender the chosen sequence needs is asked for as soon as the sequence is chosen
            boolean edited = touched.contains(f) || (f == Field.SMS_FROM || f == Field.EMAIL_FROM)
                    && touched.contains(Field.SEQUENCE);
            String shown = refusals.containsKey(f) ? refusals.get(f) : edited ? problems.get(f) : null;
            messages.get(f).set(shown);
        }
        valid.set(problems.isEmpty() && refusals.isEmpty() && !busy.get());
    }

    private Set<Channel> channels() {
        CampaignBackend.SequenceChoice s = sequence.get();
        Integer v = version.get();
        return s == null || v == null ? Set.of() : s.versions().getOrDefault(v, Set.of());
    }

    /** Null when every non-blank line is {@code name=value}; else which line is wrong and why. */
    static String variablesProblem(String text) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                return "Line " + (i + 1) + ": write name=value";
            }
            String key = line.substring(0, eq).strip();
            if (!VARIABLE.matcher(key).matches()) {
                return "Line " + (i + 1) + ": \"" + key + "\" is not a variable name (letters, digits, _)";
            }
        }
        return null;
    }

    static Map<String, String> parseVariables(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && eq > 0) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<String> listProperty() {
        return list;
    }

    public ObjectProperty<CampaignBackend.SequenceChoice> sequenceProperty() {
        return sequence;
    }

    public ObjectProperty<Integer> versionProperty() {
        return version;
    }

    public ObjectProperty<Purpose> purposeProperty() {
        return purpose;
    }

    public StringProperty smsFromProperty() {
        return smsFrom;
    }

    public StringProperty emailFromProperty() {
        return emailFrom;
    }

    /** One {@code name=value} per line. */
    public StringProperty variablesProperty() {
        return variables;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObservableList<String> lists() {
        return lists;
    }

    public ObservableList<CampaignBackend.SequenceChoice> sequences() {
        return sequences;
    }

    public ObservableList<Integer> versions() {
        return versions;
    }

    public List<Purpose> purposes() {
        return List.of(Purpose.values());
    }

    /** The message under a field, or null. */
    public ReadOnlyStringProperty messageProperty(Field field) {
        return messages.get(field).getReadOnlyProperty();
    }

    /** Every field is valid and nothing runs: Create is enabled. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A refusal that names no field, or null. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** The created campaign's name, once created: the dialog closes. */
    public ReadOnlyObjectProperty<String> doneProperty() {
        return done.getReadOnlyProperty();
    }
}
