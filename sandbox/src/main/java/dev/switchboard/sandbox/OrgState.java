package dev.switchboard.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The org's mutable state as one JSON tree, so that it persists as it is served. Every read and write happens while
 * holding this object's monitor ({@code synchronized (state)}); writers call {@link #changed()} so the store saves.
 *
 * <p>Sections: {@code contactLists {id: ContactList}}, {@code contacts {listId: {contactId: DialerContact}}},
 * {@code dncLists {id: DncList}}, {@code dncPhones {listId: {number: expiry|null}}}, {@code dncEmails {listId:
 * {email: expiry|null}}}, {@code exports {listId: {readyAt, exportTimestamp}}}, {@code campaigns},
 * {@code messagingCampaigns}, {@code runs {campaignId: {nextAt, done {contactId: true}, called, skipped...}}},
 * {@code conversations {id: {id, kind, address, fromAddress, campaignId, messages {id: MessageData+}}}},
 * {@code optOuts {address: since}}, {@code wrapupMappings}, {@code pending [world event]}, {@code ledger [entry]},
 * {@code clock}.
 */
final class OrgState {

    private final ObjectNode root;
    private volatile Runnable onChange = () -> { };

    OrgState(ObjectNode root) {
        this.root = root;
        for (String s : List.of("contactLists", "contacts", "dncLists", "dncPhones", "dncEmails", "exports",
                "campaigns", "messagingCampaigns", "runs", "conversations", "optOuts", "responses")) {
            if (!root.has(s) || !root.get(s).isObject()) {
                root.putObject(s);
            }
        }
        for (String s : List.of("pending", "ledger")) {
            if (!root.has(s) || !root.get(s).isArray()) {
                root.putArray(s);
            }
        }
    }

    static OrgState empty() {
        return new OrgState(Json.obj());
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Marks the state dirty; the store writes it soon. */
    void changed() {
        onChange.run();
    }

    ObjectNode section(String name) {
        JsonNode n = root.get(name);
        if (n == null || !n.isObject()) {
            return root.putObject(name);
        }
        return (ObjectNode) n;
    }

    ArrayNode list(String name) {
        return (ArrayNode) root.get(name);
    }

    /** The named map inside a section, created on demand: e.g. {@code sub("contacts", listId)}. */
    ObjectNode sub(String section, String key) {
        ObjectNode s = section(section);
        JsonNode n = s.get(key);
        if (n == null || !n.isObject()) {
            return s.putObject(key);
        }
        return (ObjectNode) n;
    }

    ObjectNode get(String section, String id) {
        JsonNode n = section(section).get(id);
        return n != null && n.isObject() ? (ObjectNode) n : null;
    }

    List<ObjectNode> all(String section) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode n : section(section).values()) {
            out.add((ObjectNode) n);
        }
        return out;
    }

    ObjectNode wrapupMappings() {
        JsonNode n = root.get("wrapupMappings");
        return n != null && n.isObject() ? (ObjectNode) n : null;
    }

    void wrapupMappings(ObjectNode mappings) {
        root.set("wrapupMappings", mappings);
    }

    Instant savedClock() {
        String c = Json.text(root, "clock");
        return c == null ? null : Instant.parse(c);
    }

    /** A serialised copy, taken under the lock. */
    synchronized String snapshot(Instant clockNow) {
        root.put("clock", clockNow.toString());
        return Json.write(root);
    }
}
