package dev.switchboard.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * DNC lists: create, get; phone numbers and email addresses added (POST) and added or removed (PATCH, the only way
 * to remove one); export (POST, poll GET while 404 {@code no.available.list.export.uri}, download the CSV).
 * Writes run at {@link Priority#COMPLIANCE_WRITE} and are repeatable (adding twice is harmless). Thread-safe.
 */
public final class DncApi {

    static final int MAX_PER_REQUEST = 1000;
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    record PhonePatch(String action, List<String> phoneNumbers, String expirationDateTime) {
    }

    record EmailPatch(String action, List<String> emailAddresses, String expirationDateTime) {
    }

    record ExportUriWire(String uri, String exportTimestamp) {
    }

    record DncListing(List<Dnc.DncList> entities, Integer pageCount) {
    }

    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;

    private final ApiTransport transport;
    private final Sleeper sleeper;
    private final Clock clock;

    DncApi(ApiTransport transport, Sleeper sleeper, Clock clock) {
        this.transport = transport;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Creates a DNC list (not retried once sent). */
    public Dnc.DncList createDncList(Dnc.DncList list) {
        return transport.json(ApiCall.post("/api/v2/outbound/dnclists").body(list), Dnc.DncList.class);
    }

    /** Every DNC list of the org, with sizes (all pages, {@code GET /api/v2/outbound/dnclists}). */
    public List<Dnc.DncList> listDncLists() {
        List<Dnc.DncList> out = new java.util.ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            DncListing l = transport.json(ApiCall.get("/api/v2/outbound/dnclists").query("includeSize", true)
                    .query("pageSize", PAGE_SIZE).query("pageNumber", page), DncListing.class);
            if (l == null || l.entities() == null || l.entities().isEmpty()) {
                break;
            }
            out.addAll(l.entities());
            if (l.pageCount() == null || page >= l.pageCount()) {
                break;
            }
        }
        return out;
    }

    /** A DNC list, with its size. */
    public Dnc.DncList getDncList(String dncListId) {
        return transport.json(ApiCall.get("/api/v2/outbound/dnclists/{}", dncListId).query("includeSize", true),
                Dnc.DncList.class);
    }

    /** Adds E.164 numbers (rds lists only), optionally expiring (at most 180 days ahead). */
    public void addPhoneNumbers(String dncListId, List<String> numbers, Instant expiration) {
        Batches.send(numbers, MAX_PER_REQUEST, chunk -> {
            transport.execute(ApiCall.post("/api/v2/outbound/dnclists/{}/phonenumbers", dncListId)
                    .body(chunk).query("expirationDateTime", expiration == null ? null : EXPIRY.format(expiration))
                    .mode(ApiCall.Mode.REPEATABLE).priority(Priority.COMPLIANCE_WRITE));
            return List.<Void>of();
        });
    }

    /** Adds or removes numbers with PATCH {action, phoneNumbers}. */
    public void patchPhoneNumbers(String dncListId, Dnc.Action action, List<String> numbers) {
        Batches.send(numbers, MAX_PER_REQUEST, chunk -> {
            transport.execute(ApiCall.patch("/api/v2/outbound/dnclists/{}/phonenumbers", dncListId)
                    .body(new PhonePatch(action.name(), chunk, null)).priority(Priority.COMPLIANCE_WRITE));
            return List.<Void>of();
        });
    }

    /** Adds email addresses (lower-cased by the caller) with POST. */
    public void addEmailAddresses(String dncListId, List<String> emails) {
        Batches.send(emails, MAX_PER_REQUEST, chunk -> {
            transport.execute(ApiCall.post("/api/v2/outbound/dnclists/{}/emailaddresses", dncListId)
                    .body(chunk).mode(ApiCall.Mode.REPEATABLE).priority(Priority.COMPLIANCE_WRITE));
            return List.<Void>of();
        });
    }

    /** Adds or removes email addresses with PATCH {action, emailAddresses}. */
    public void patchEmailAddresses(String dncListId, Dnc.Action action, List<String> emails) {
        Batches.send(emails, MAX_PER_REQUEST, chunk -> {
            transport.execute(ApiCall.patch("/api/v2/outbound/dnclists/{}/emailaddresses", dncListId)
                    .body(new EmailPatch(action.name(), chunk, null)).priority(Priority.COMPLIANCE_WRITE));
            return List.<Void>of();
        });
    }

    /**
     * Exports the list and downloads the CSV: POST export, then GET every {@code pollInterval} while Genesys answers
     * 404 {@code no.available.list.export.uri}, until {@code timeout}.
     *
     * @throws GenesysException if the export is not ready within the timeout
     */
    public Dnc.Export export(String dncListId, Duration pollInterval, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        transport.execute(ApiCall.post("/api/v2/outbound/dnclists/{}/export", dncListId)
                .mode(ApiCall.Mode.REPEATABLE));
        long maxPolls = Math.max(1, timeout.toMillis() / Math.max(1, pollInterval.toMillis())) + 1;
        for (long poll = 1; ; poll++) {
            try {
                ExportUriWire uri = transport.json(ApiCall.get("/api/v2/outbound/dnclists/{}/export", dncListId),
                        ExportUriWire.class);
                if (uri != null && uri.uri() != null) {
                    String csv = transport.download(uri.uri(), Priority.POLL);
                    return new Dnc.Export(uri.uri(), uri.exportTimestamp(), csv);
                }
            } catch (GenesysApiException e) {
                // 404 no.available.list.export.uri means "not ready yet"; any other 404 (an unknown list) is final
                boolean notReady = e.status() == 404 && (e.code() == null || e.code().contains("export"));
                if (!notReady) {
                    throw e;
                }
            }
            if (poll >= maxPolls || !clock.instant().plus(pollInterval).isBefore(deadline)) {
                throw new GenesysException("DNC export of " + dncListId + " not ready after " + timeout);
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenesysException("interrupted while waiting for a DNC export", e);
            }
        }
    }
}
