package dev.switchboard.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every touch the sandbox delivered, for test oracles: kept in the org state (so it survives restarts), readable
 * through {@code GET /sandbox/ledger}, and appended to {@code ledger.jsonl} beside the state file when there is one.
 */
final class Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final OrgState state;
    private final Path file;
    private final List<LedgerEntry> entries = new ArrayList<>();

    Ledger(OrgState state, Path stateFile) {
        this.state = state;
        Path dir = stateFile == null ? null : stateFile.toAbsolutePath().getParent();
        this.file = dir == null ? null : dir.resolve("ledger.jsonl");
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                LOG.warn("cannot create {}", dir, e);
            }
        }
        synchronized (state) {
            for (JsonNode n : state.list("ledger")) {
                entries.add(fromJson(n));
            }
        }
    }

    /** Records a touch; call while holding the state lock. */
    void record(LedgerEntry e) {
        ObjectNode json = toJson(e);
        synchronized (this) {
            entries.add(e);
        }
        state.list("ledger").add(json);
        state.changed();
        if (file != null) {
            try {
                Files.writeString(file, Json.write(json) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException ex) {
                LOG.warn("cannot append to {}", file, ex);
            }
        }
    }

    synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    ArrayNode toJsonArray() {
        ArrayNode out = Json.arr();
        for (LedgerEntry e : entries()) {
            out.add(toJson(e));
        }
        return out;
    }

    static ObjectNode toJson(LedgerEntry e) {
        ObjectNode o = Json.obj();
        o.put("at", Json.time(e.at()));
        o.put("channel", e.channel());
        o.put("address", e.address());
        o.put("contentSha256", e.contentSha256());
        if (e.campaignId() == null) {
            o.putNull("campaignId");
        } else {
            o.put("campaignId", e.campaignId());
        }
        o.put("conversationId", e.conversationId());
        o.put("messageId", e.messageId());
        return o;
    }

    static LedgerEntry fromJson(JsonNode n) {
        return new LedgerEntry(Instant.parse(Json.text(n, "at")), Json.text(n, "channel"), Json.text(n, "address"),
                Json.text(n, "contentSha256"), Json.text(n, "campaignId"), Json.text(n, "conversationId"),
                Json.text(n, "messageId"));
    }
}
