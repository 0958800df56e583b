package dev.switchboard.genesys;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read, modify, write with a version check: the entity is read as JSON, mapped to the typed record, changed by
 * the caller, and the record's non-null fields are laid over the JSON that was read (so fields the record does
 * not model survive the PUT). Read-only fields are dropped. A 409 {@code invalid.update.wrong.version} re-reads
 * and re-applies the change, at most {@link #MAX_RETRIES} times.
 */
final class ReadModifyWrite {

    static final int MAX_RETRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ReadModifyWrite.class);

    private ReadModifyWrite() {
    }

    static <T> T update(String what, Supplier<ObjectNode> read, Class<T> type, UnaryOperator<T> change,
            Set<String> readOnly, Function<ObjectNode, T> write) {
        for (int attempt = 0; ; attempt++) {
            ObjectNode raw = read.get();
            T current = Json.convert(raw, type);
            T changed = change.apply(current);
            ObjectNode merged = raw.deepCopy();
            merged.setAll(Json.toObject(changed));
            merged.remove(readOnly);
            try {
                return write.apply(merged);
            } catch (GenesysApiException e) {
                if (!e.isWrongVersion() || attempt >= MAX_RETRIES) {
                    throw e;
                }
                LOG.info("{}: stale version (409); re-reading and re-applying ({} of {})", what, attempt + 1,
                        MAX_RETRIES);
            }
        }
    }
}
