package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.LazyRow;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.Jurisdiction;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.TimeZones;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The contacts table of the Lists screen. */
final class ContactTable {
    private ContactTable() {
    }

    static TableView<LazyRow<Contact>> create() {
        TableView<LazyRow<Contact>> table = LazyColumns.table("contactsTable");
        TableColumn<LazyRow<Contact>, TimeZones> zones = LazyColumns.column("Time zone", 200,
                c -> c.data().timeZones());
        zones.setCellFactory(column -> new TimeZoneCell());
        TableColumn<LazyRow<Contact>, Jurisdiction> jurisdiction = LazyColumns.column("Jurisdiction", 90,
                c -> c.data().jurisdiction());
        jurisdiction.setCellFactory(column -> new JurisdictionCell());
        table.getColumns().addAll(List.of(
                LazyColumns.leading("Key", 100, c -> c.data().externalKey(), "mono"),
                LazyColumns.text("First name", 100, c -> c.data().firstName()),
                LazyColumns.text("Last name", 110, c -> c.data().lastName()),
                LazyColumns.text("Phones", 250, c -> phones(c.data()), "mono"),
                LazyColumns.text("Email", 220, c -> c.data().email()),
                zones,
                jurisdiction,
                LazyColumns.text("Updated", 130, c -> Formats.instant(c.updatedAt()))));
        return table;
    }

    /** {@code +14155552671 (mobile), +14155550000 (home)}. */
    static String phones(ContactDraft data) {
        return data.phones().stream()
                .map(ContactTable::phone)
                .collect(Collectors.joining(", "));
    }

    private static String phone(Phone p) {
        return p.e164() + " (" + p.type().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** The zone ids, with an "ambiguous" or "missing" flag beside them. */
    private static final class TimeZoneCell extends TableCell<LazyRow<Contact>, TimeZones> {
        private final Label flag = new Label();
        // one tooltip per cell, its text replaced: a new Tooltip per update made scrolling stall the FX thread
        private final Tooltip tip = new Tooltip();
        private String flagClass;

        TimeZoneCell() {
            flag.getStyleClass().add("flag");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(TimeZones zones, boolean empty) {
            super.updateItem(zones, empty);
            if (empty || zones == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(zones.candidates().stream().map(ZoneId::getId).collect(Collectors.joining(", ")));
            String f = zones.flag();
            if (f == null) {
                setGraphic(null);
            } else {
                String lower = f.toLowerCase(Locale.ROOT);
                if (!lower.equals(flagClass)) {
                    // a changed style class re-applies CSS: only when the flag changes
                    flag.setText(lower);
                    flag.getStyleClass().setAll("label", "flag", lower);
                    flagClass = lower;
                }
                if (getGraphic() != flag) {
                    setGraphic(flag);
                }
            }
            tip.setText("From " + zones.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
        }
    }

    /** {@code US-FL}, with where it came from in the tooltip. */
    private static final class JurisdictionCell extends TableCell<LazyRow<Contact>, Jurisdiction> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(Jurisdiction j, boolean empty) {
            super.updateItem(j, empty);
            setText(empty || j == null ? null : j.code());
            if (empty || j == null) {
                setTooltip(null);
            } else {
                tip.setText("From the " + j.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                if (getTooltip() != tip) {
                    setTooltip(tip);
                }
            }
        }
    }
}
