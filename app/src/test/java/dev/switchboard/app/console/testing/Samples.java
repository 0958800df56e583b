package dev.switchboard.app.console.testing;

import dev.switchboard.model.contact.ColumnBinding;
import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.ContactField;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.Jurisdiction;
import dev.switchboard.model.contact.JurisdictionSource;
import dev.switchboard.model.contact.ListSummary;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.model.contact.TimeZoneSource;
import dev.switchboard.model.contact.TimeZones;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Model values for console tests, made up but shaped like real ones. */
public final class Samples {
    public static final Instant T0 = Instant.parse("2025-03-03T14:05:00Z");
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
        "Radia", "Tim", "Margaret", "Dennis"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
        "Thompson", "Perlman", "Berners-Lee", "Hamilton", "Ritchie"};
    private static final String[] AREA = {"212", "305", "312", "415", "512", "617", "702", "808"};
    private static final ZoneId[] ZONE = {ZoneId.of("America/New_York"), ZoneId.of("America/New_York"),
        ZoneId.of("America/Chicago"), ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Chicago"),
        ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Honolulu")};
    private static final String[] STATE = {"NY", "FL", "IL", "CA", "TX", "MA", "NV", "HI"};

    private Samples() {
    }

    public static ColumnMapping mapping(String... headers) {
        return new ColumnMapping(java.util.stream.IntStream.range(0, headers.length)
                .mapToObj(i -> ColumnBinding.of(i, headers[i], ContactField.ATTRIBUTE))
                .toList());
    }

    public static ContactList list(long id, String name) {
        return new ContactList(id, name, "US", mapping("id", "phone"), T0, T0);
    }

    public static ImportRecord importRecord(long id, long listId, long inserted, long rejected) {
        return new ImportRecord(id, listId, "leads.csv", "/data/leads.csv", 2048, "UTF-8", "comma",
                ImportState.COMPLETED, T0, T0.plus(Duration.ofSeconds(3)), inserted + rejected, inserted + rejected + 1,
                inserted, 0, 0, rejected, 1, null);
    }

    public static ListSummary summary(long id, String name, long contacts, long rejected) {
        return new ListSummary(list(id, name), contacts, importRecord(id * 10, id, contacts, rejected));
    }

    /** The {@code n}th contact of a list: varied names, phones, zones; every 7th ambiguous, every 11th missing. */
    public static Contact contact(long listId, long n) {
        int i = (int) (n % FIRST.length);
        int a = (int) (n % AREA.length);
        String number = String.format("+1%s555%04d", AREA[a], 1000 + n % 9000);
        List<Phone> phones = n % 3 == 0
                ? List.of(new Phone(number, PhoneType.MOBILE, number, "phone"),
                        new Phone(String.format("+1%s556%04d", AREA[a], 1000 + n % 9000), PhoneType.HOME, number,
                                "home_phone"))
                : List.of(new Phone(number, PhoneType.MOBILE, number, "phone"));
        TimeZones zones = n % 11 == 5 ? TimeZones.NONE
                : n % 7 == 3 ? new TimeZones(List.of(ZoneId.of("America/Chicago"), ZoneId.of("America/Denver")),
                TimeZoneSource.AREA_CODE)
                : new TimeZones(List.of(ZONE[a]), TimeZoneSource.AREA_CODE);
        String first = FIRST[i];
        String last = LAST[(int) ((n / FIRST.length) % LAST.length)];
        String email = (first + "." + last + n).toLowerCase(java.util.Locale.ROOT) + "@example.com";
        ContactDraft draft = new ContactDraft(String.format("C-%06d", n), first, last, email, email, null, null, "US",
                phones, zones, new Jurisdiction("US", STATE[a], JurisdictionSource.AREA_CODE), List.of(),
                ContactDraft.attributesOf(Map.of()));
        return new Contact(listId * 10_000_000 + n, listId, draft, T0, T0.plus(Duration.ofMinutes(n % 600)));
    }

    public static ImportIssue rejected(long importId, long recordNo, String column, String value, String reason) {
        return new ImportIssue(importId, recordNo, recordNo + 1, String.format("C-%06d", recordNo),
                RowIssue.rejected(column, value, reason));
    }

    public static ImportIssue warning(long importId, long recordNo, String column, String value, String reason) {
        return new ImportIssue(importId, recordNo, recordNo + 1, String.format("C-%06d", recordNo),
                RowIssue.warning(column, value, reason));
    }
}
