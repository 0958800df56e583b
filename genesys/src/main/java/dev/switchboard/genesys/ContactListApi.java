package dev.switchboard.genesys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contact lists and their contacts: create and get lists; add (chunks of 1000, halved on 413), bulk get (chunks
 * of 50), search (page size at most 100), read-modify-write update (409 → re-read, retry), delete (chunks of 250).
 * Thread-safe.
 */
public final class ContactListApi {

    static final int MAX_ADD = 1000;
    static final int MAX_BULK_GET = 50;
    static final int MAX_DELETE = 250;
    static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> CONTACT_READ_ONLY = Set.of("id", "callRecords", "latestSmsEvaluations",
            "latestEmailEvaluations", "contactColumnTimeZones", "configurationOverrides", "dateCreated", "selfUri");

    record WritableContact(String id, String contactListId, Map<String, String> data, Boolean callable,
            Map<String, Contacts.PhoneNumberStatus> phoneNumberStatus,
            Map<String, Contacts.ContactableStatus> contactableStatus) {

        static WritableContact of(Contacts.DialerContact c, String listId) {
            return new WritableContact(c.id(), c.contactListId() != null ? c.contactListId() : listId, c.data(),
                    c.callable(), c.phoneNumberStatus(), c.contactableStatus());
        }
    }

    record SearchRequest(Integer pageNumber, Integer pageSize, Object criteria, Object contactSorts) {
    }

    private final ApiTransport transport;

    ContactListApi(ApiTransport transport) {
        this.transport = transport;
    }

    /** Creates a contact list (not retried once sent: it is not idempotent). */
    public Contacts.DialerContactList createContactList(Contacts.DialerContactList list) {
        if (list.name() != null && list.name().length() > 64) {
            throw new InvalidRequestException("contact list name is longer than 64 characters");
        }
        return transport.json(ApiCall.post("/api/v2/outbound/contactlists").body(list),
                Contacts.DialerContactList.class);
    }

    /** A contact list, with its size. */
    public Contacts.DialerContactList getContactList(String contactListId) {
        return transport.json(ApiCall.get("/api/v2/outbound/contactlists/{}", contactListId)
                .query("includeSize", true), Contacts.DialerContactList.class);
    }

    /** Adds contacts without query flags. See {@link #addContacts(String, List, Contacts.AddOptions, Priority)}. */
    public List<Contacts.DialerContact> addContacts(String contactListId, List<Contacts.DialerContact> contacts) {
        return addContacts(contactListId, contacts, Contacts.AddOptions.NONE, Priority.SEND);
    }

    /**
     * Adds or updates (same id) contacts, in requests of at most 1000; a chunk answered 413 is halved. A chunk is
     * retried on 5xx/network errors only when every contact carries an id (an upsert) and it is added with
     * {@code doNotQueue}: otherwise a repeat of an add that did arrive puts contacts the dialer has called since
     * back in its queue, and they are called (or texted) again. The caller of an add whose answer was lost asks
     * Genesys which contacts arrived.
     *
     * @return the contacts as Genesys stored them
     */
    public List<Contacts.DialerContact> addContacts(String contactListId, List<Contacts.DialerContact> contacts,
            Contacts.AddOptions options, Priority priority) {
        List<WritableContact> wire = contacts.stream().map(c -> WritableContact.of(c, contactListId)).toList();
        return Batches.send(wire, MAX_ADD, chunk -> {
            boolean keyed = chunk.stream().allMatch(c -> c.id() != null && !c.id().isBlank());
            ApiCall call = ApiCall.post("/api/v2/outbound/contactlists/{}/contacts", contactListId)
                    .body(chunk)
                    .mode(keyed && options.doNotQueue() ? ApiCall.Mode.REPEATABLE : ApiCall.Mode.ONCE)
                    .priority(priority);
            if (options.priority()) {
                call.query("priority", true);
            }
            if (options.clearSystemData()) {
                call.query("clearSystemData", true);
            }
            if (options.doNotQueue()) {
                call.query("doNotQueue", true);
            }
            Contacts.DialerContact[] added = transport.json(call, Contacts.DialerContact[].class);
            return added == null ? List.of() : Arrays.asList(added);
        });
    }

    /** One contact, with its call records and evaluations; 404 if unknown. */
    public Contacts.DialerContact getContact(String contactListId, String contactId) {
        return transport.json(ApiCall.get("/api/v2/outbound/contactlists/{}/contacts/{}", contactListId, contactId),
                Contacts.DialerContact.class);
    }

    /** Gets contacts by id, in requests of at most 50 ids. Unknown ids are simply absent from the result. */
    public List<Contacts.DialerContact> getContacts(String contactListId, List<String> contactIds) {
        return Batches.send(contactIds, MAX_BULK_GET, chunk -> {
            Contacts.DialerContact[] found = transport.json(ApiCall.post(
                    "/api/v2/outbound/contactlists/{}/contacts/bulk", contactListId)
                    .body(chunk).mode(ApiCall.Mode.REPEATABLE), Contacts.DialerContact[].class);
            return found == null ? List.of() : Arrays.asList(found);
        });
    }

    /** One page of a contact search. */
    public Contacts.Page searchContacts(String contactListId, Contacts.Search search) {
        if (search.pageSize() < 1 || search.pageSize() > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("contact search pageSize must be 1.." + MAX_PAGE_SIZE + ", was "
                    + search.pageSize());
        }
        var body = new SearchRequest(search.pageNumber(), search.pageSize(), search.criteria(),
                search.contactSorts());
        return transport.json(ApiCall.post("/api/v2/outbound/contactlists/{}/contacts/search", contactListId)
                .body(body).mode(ApiCall.Mode.REPEATABLE), Contacts.Page.class);
    }

    /**
     * Read-modify-write of one contact: GET, apply {@code change}, PUT the full contact (fields the record does not
     * model are kept). A stale version (409) re-reads and re-applies, at most 3 times.
     */
    public Contacts.DialerContact updateContact(String contactListId, String contactId,
            UnaryOperator<Contacts.DialerContact> change) {
        return ReadModifyWrite.update("update contact", () -> (ObjectNode) Json.tree(transport.execute(ApiCall.get(
                        "/api/v2/outbound/contactlists/{}/contacts/{}", contactListId, contactId)
                        .priority(Priority.COMPLIANCE_WRITE)).body()),
                Contacts.DialerContact.class, change, CONTACT_READ_ONLY,
                merged -> transport.json(ApiCall.put("/api/v2/outbound/contactlists/{}/contacts/{}", contactListId,
                        contactId).body(merged).priority(Priority.COMPLIANCE_WRITE), Contacts.DialerContact.class));
    }

    /** Deletes one contact (404 if unknown; {@code contact.in.use} if the dialer holds it). */
    public void deleteContact(String contactListId, String contactId) {
        transport.execute(ApiCall.delete("/api/v2/outbound/contactlists/{}/contacts/{}", contactListId, contactId));
    }

    /** Deletes contacts in requests of at most 250 ids. Contacts in use stay ({@code contact.in.use}). */
    public void deleteContacts(String contactListId, List<String> contactIds) {
        Batches.send(contactIds, MAX_DELETE, chunk -> {
            ApiCall call = ApiCall.delete("/api/v2/outbound/contactlists/{}/contacts", contactListId);
            chunk.forEach(id -> call.query("contactIds", id));
            transport.execute(call);
            return new ArrayList<Void>();
        });
    }
}
