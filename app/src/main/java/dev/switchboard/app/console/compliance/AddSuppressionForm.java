package dev.switchboard.app.console.compliance;

import dev.switchboard.model.compliance.Suppression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Add suppression form: address, kind, channel, last day and reason, each with its own message. The address is
 * checked by the service (its message lands on the address field).
 */
public final class AddSuppressionForm {
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ObjectProperty<Suppression.Kind> kind = new SimpleObjectProperty<>(this, "kind",
            Suppression.Kind.DNC);
    private final ObjectProperty<Choices.ChannelChoice> channel = new SimpleObjectProperty<>(this, "channel",
            Choices.ChannelChoice.ALL);
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>(this, "lastDay");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper(this, "addressError");
    private final ReadOnlyStringWrapper kindError = new ReadOnlyStringWrapper(this, "kindError");
    private final ReadOnlyStringWrapper lastDayError = new ReadOnlyStringWrapper(this, "lastDayError");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError");

    /** Checks the fields, setting each one's message; true when all are valid. */
    boolean validate(LocalDate today) {
        addressError.set(address.get() == null || address.get().isBlank()
                ? "Address: enter a phone number (+12125550100) or an email address" : null);
        kindError.set(kind.get() == null ? "Kind: choose what it is (DNC, opt-out …)" : null);
        lastDayError.set(lastDay.get() != null && lastDay.get().isBefore(today)
                ? "Last day: " + lastDay.get() + " is in the past (leave it empty for never)" : null);
        reasonError.set(reason.get() == null || reason.get().isBlank()
                ? "Reason: say why (it goes into the audit log)" : reason.get().length() > 1000
                ? "Reason: at most 1000 characters" : null);
        return addressError.get() == null && kindError.get() == null && lastDayError.get() == null
                && reasonError.get() == null;
    }

    /** The service refused the address: its message goes on the address field. */
    void addressRefused(String message) {
        addressError.set("Address: " + message);
    }

    /** The instant after the last day (UTC), or null for never. */
    Instant expiresAt() {
        return lastDay.get() == null ? null : lastDay.get().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ObjectProperty<Suppression.Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Choices.ChannelChoice> channelProperty() {
        return channel;
    }

    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindErrorProperty() {
        return kindError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastDayErrorProperty() {
        return lastDayError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonErrorProperty() {
        return reasonError.getReadOnlyProperty();
    }
}
