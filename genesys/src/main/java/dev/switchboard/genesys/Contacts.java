package dev.switchboard.genesys;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Public shapes of contact lists and dialer contacts. All records are immutable values. */
public final class Contacts {

    private Contacts() {
    }

    /** A phone column of a contact list; {@code type} e.g. "cell", "home". */
    public record PhoneColumn(String columnName, String type) {
    }

    /** An email column of a contact list; {@code type} e.g. "personal", "work". */
    public record EmailColumn(String columnName, String type) {
    }

    /**
     * A Genesys contact list ({@code ContactList}). For create, leave id, version and size null.
     *
     * @param name at most 64 characters
     */
    public record DialerContactList(String id, String name, Integer version, List<String> columnNames,
            List<PhoneColumn> phoneColumns, List<EmailColumn> emailColumns, Boolean automaticTimeZoneMapping,
            String zipCodeColumnName, Integer size) {

        public static DialerContactList create(String name, List<String> columnNames, List<PhoneColumn> phoneColumns,
                List<EmailColumn> emailColumns) {
            return new DialerContactList(null, name, null, columnNames, phoneColumns, emailColumns, null, null, null);
        }
    }

    /** Per-number voice callability. */
    public record PhoneNumberStatus(Boolean callable) {
    }

    /** Per-column contactability within a media type. */
    public record ColumnStatus(Boolean contactable) {
    }

    /** Contactability for one media type (key "Voice", "SMS" or "Email"). */
    public record ContactableStatus(Boolean contactable, Map<String, ColumnStatus> columnStatus) {
    }

    /** The last dialer attempt on a phone column; {@code lastResult} is the wrap-up code of that attempt. */
    public record CallRecord(String lastAttempt, String lastResult) {
    }

    /** The latest SMS or email evaluation of a column. */
    public record MessageEvaluation(String contactColumn, String contactAddress, String messageType,
            String wrapupCodeId, String timestamp) {
    }

    /**
     * A dialer contact. {@code data} values are strings. Writable: id (on add), data, callable,
     * phoneNumberStatus, contactableStatus; callRecords and the evaluations are read-only.
     */
    public record DialerContact(String id, String contactListId, Map<String, String> data, Boolean callable,
            Map<String, PhoneNumberStatus> phoneNumberStatus, Map<String, ContactableStatus> contactableStatus,
            Map<String, CallRecord> callRecords, Map<String, MessageEvaluation> latestSmsEvaluations,
            Map<String, MessageEvaluation> latestEmailEvaluations) {

        /** A contact to add, with a client-assigned id (so a retried chunk updates instead of duplicating). */
        public static DialerContact of(String id, String contactListId, Map<String, String> data) {
            return new DialerContact(id, contactListId, data, null, null, null, null, null, null);
        }

        public DialerContact withCallable(Boolean value) {
            return new DialerContact(id, contactListId, data, value, phoneNumberStatus, contactableStatus,
                    callRecords, latestSmsEvaluations, latestEmailEvaluations);
        }

        public DialerContact withData(Map<String, String> value) {
            return new DialerContact(id, contactListId, value, callable, phoneNumberStatus, contactableStatus,
                    callRecords, latestSmsEvaluations, latestEmailEvaluations);
        }

        public DialerContact withPhoneNumberStatus(Map<String, PhoneNumberStatus> value) {
            return new DialerContact(id, contactListId, data, callable, value, contactableStatus,
                    callRecords, latestSmsEvaluations, latestEmailEvaluations);
        }

        public DialerContact withContactableStatus(Map<String, ContactableStatus> value) {
            return new DialerContact(id, contactListId, data, callable, phoneNumberStatus, value,
                    callRecords, latestSmsEvaluations, latestEmailEvaluations);
        }
    }

    /** Query flags of a contact add. */
    public record AddOptions(boolean priority, boolean clearSystemData, boolean doNotQueue) {

        public static final AddOptions NONE = new AddOptions(false, false, false);
    }

    /**
     * A contact search ({@code ContactListingRequest}); {@code criteria} and {@code contactSorts} are passed as
     * JSON ({@code ContactBulkSearchCriteria}, {@code ContactSort[]}), may be null.
     *
     * @param pageSize at most 100
     */
    public record Search(int pageNumber, int pageSize, JsonNode criteria, JsonNode contactSorts) {

        public static Search page(int pageNumber, int pageSize) {
            return new Search(pageNumber, pageSize, null, null);
        }
    }

    /** A page of search results. */
    public record Page(List<DialerContact> entities, Long total, Integer pageNumber, Integer pageSize,
            Integer pageCount) {
    }
}
