package dev.switchboard.engine.contacts;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ContactNormalizer;
import dev.switchboard.model.contact.EmailCheck;
import dev.switchboard.model.contact.HeaderMapper;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.PhoneCheck;
import dev.switchboard.model.contact.PhoneNormalizer;
import dev.switchboard.persistence.BatchOutcome;
import dev.switchboard.persistence.ContactImportWriter;
import dev.switchboard.persistence.ContactListRepository;
import dev.switchboard.persistence.ImportRepository;
import dev.switchboard.persistence.ImportRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one import engine behind the command line and the console.
 *
 * <p>A run checks everything that would make the file unusable before it writes anything, then streams it: a
 * reader thread parses and normalizes rows into batches of {@value #BATCH_SIZE}, the calling thread commits each
 * batch with its verdicts in one transaction. A run that is killed or cancelled leaves whole batches only, and the
 * next run of the same file into the same list resumes after the last of them.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    public static final int BATCH_SIZE = 1000;
    private static final int QUEUED_BATCHES = 4;
    /** Batches between two compactions of the store file (see Store#compact), and the time each may take. */
    private static final int COMPACT_EVERY = 50;
    private static final int COMPACT_MILLIS = 100;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    public static final String DEFAULT_REGION = "US";

    private final ContactListRepository lists;
    private final ImportRepository imports;
    private final ContactImportWriter writer;
    private final Clock clock;

    public ImportService(ContactListRepository lists, ImportRepository imports, ContactImportWriter writer,
                         Clock clock) {
        this.lists = lists;
        this.imports = imports;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Reads the head of a file: its encoding and separator (detected unless given), headers, the first rows and the
     * automatic mapping. Reads at most about 1 MB; writes nothing.
     */
    public FilePreview inspect(Path file, Charset encoding, Character delimiter, int sampleRows)
            throws ImportInputException {
        ImportFormat format = ImportFormat.sniff(file, encoding);
        char sep = delimiter != null ? delimiter : ImportFormat.detectDelimiter(ListFileReader.firstLine(file, format));
        try (ListFileReader reader = ListFileReader.open(file, format, sep)) {
            List<String> headers = checkHeaders(file, reader.headers());
            List<List<String>> rows = new ArrayList<>();
            CsvRecord r;
            while (rows.size() < sampleRows && (r = reader.next()) != null) {
                rows.add(r.getFields());
            }
            return new FilePreview(file, format.size(), format.encoding(), format.detected(), sep, headers, rows,
                    HeaderMapper.autoMap(headers));
        }
    }

    /**
     * Imports a file into a list (created when new), or resumes an unfinished import of the same file. Blocks until
     * done, cancelled (when {@code cancelled} turns true; committed batches stay) or failed.
     *
     * @throws ImportInputException when the file cannot be imported at all; nothing was written
     */
    public ImportSummary run(ImportRequest request, ImportListener listener, BooleanSupplier cancelled)
            throws ImportInputException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        String listName = request.listName().strip();
        if (listName.isEmpty() || listName.length() > 200) {
            throw new ImportInputException("A list name needs 1 to 200 characters.");
        }
        ImportFormat format = ImportFormat.scan(request.file(), request.encoding());
        char sep = request.delimiter() != null ? request.delimiter()
                : ImportFormat.detectDelimiter(ListFileReader.firstLine(request.file(), format));
        List<String> headers;
        try (ListFileReader probe = ListFileReader.open(request.file(), format, sep)) {
            headers = checkHeaders(request.file(), probe.headers());
        }
        ContactList existingList = lists.byName(listName).orElse(null);
        String region = regionOf(request, existingList);
        ColumnMapping mapping = request.mapping() != null ? request.mapping() : HeaderMapper.autoMap(headers);
        checkMapping(mapping, headers);

        // Everything that can make the whole file unusable has been checked: from here on we write.
        ContactList list = lists.getOrCreate(listName, region, mapping, started);
        ImportRecord record = null;
        if (!request.restart()) {
            record = imports.resumable(list.id(), format.fingerprint()).orElse(null);
        } else {
            imports.resumable(list.id(), format.fingerprint()).ifPresent(old -> imports.setState(old.id(),
                    ImportState.FAILED, "abandoned: the same file was imported again from the start", started));
        }
        long resumeAfter = 0;
        long resumedFromLine = 0;
        if (record != null) {
            mapping = imports.mapping(record.id());
            resumeAfter = record.lastRecord();
            resumedFromLine = record.lastLine() + 1;
            imports.setState(record.id(), ImportState.RUNNING, null, null);
            LOG.info("Resuming import {} of {} after record {}", record.id(), request.file().getFileName(),
                    resumeAfter);
        } else {
            record = imports.create(list.id(), request.file().getFileName().toString(),
                    request.file().toAbsolutePath().toString(), format.size(), format.fingerprint(),
                    format.encoding().name(), ImportFormat.delimiterName(sep), mapping, started);
        }
        lists.update(list.id(), region, mapping, started);

        // A list that was empty before this import began holds only keys this run wrote: a Bloom filter of them
        // answers "is it new?" without asking the store. A resumed run did not see the earlier rows, so it asks.
        KeyFilter seen = resumeAfter == 0 && lists.contactCount(list.id()) == 0 ? new KeyFilter() : null;
        Run run = new Run(record, list, mapping, region, format, sep, resumeAfter, listener, cancelled, startNanos,
                seen);
        ImportState end;
        String message;
        try {
            end = run.execute(request.file());
            message = end == ImportState.CANCELLED
                    ? "cancelled after line " + run.lastLine + "; run the import again to resume" : null;
        } catch (RuntimeException | Error e) {
            imports.setState(record.id(), ImportState.FAILED, String.valueOf(e.getMessage()), clock.instant());
            throw e;
        }
        imports.setState(record.id(), end, message, end == ImportState.COMPLETED ? clock.instant() : null);
        ImportRecord done = imports.byId(record.id()).orElseThrow();
        return new ImportSummary(done.id(), list.id(), list.name(), end, done.inserted(), done.updated(),
                done.unchanged(), done.rejected(), done.warned(), Duration.ofNanos(System.nanoTime() - startNanos),
                resumedFromLine, format.encoding().name(), ImportFormat.delimiterName(sep));
    }

    private static String regionOf(ImportRequest request, ContactList existing) throws ImportInputException {
        String region = request.defaultRegion() != null ? request.defaultRegion().strip().toUpperCase(Locale.ROOT)
                : existing != null ? existing.defaultRegion() : DEFAULT_REGION;
        if (!region.matches("[A-Z]{2}") || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new ImportInputException("Unknown phone region '" + region
                    + "': use a two-letter country code such as US, CA or GB.");
        }
        return region;
    }

    /** Fatal header problems: none at all, or a first row that is plainly data. */
    static List<String> checkHeaders(Path file, List<String> headers) throws ImportInputException {
        if (headers.isEmpty()) {
            throw new ImportInputException(file.getFileName() + " has no header row: the first line must name"
                    + " the columns (e.g. CRM_Lead_ID,First Name,Phone,Email).");
        }
        PhoneNormalizer phones = new PhoneNormalizer(DEFAULT_REGION);
        for (String h : headers) {
            boolean isData = EmailCheck.problem(h).isEmpty()
                    || (h.chars().filter(Character::isDigit).count() >= 7
                    && phones.normalize(h) instanceof PhoneCheck.Valid);
            if (isData) {
                throw new ImportInputException(file.getFileName() + " has no header row: its first line holds '"
                        + h + "', which is data, not a column name. Add a header line naming the columns.");
            }
        }
        return headers;
    }

    private static void checkMapping(ColumnMapping mapping, List<String> headers) throws ImportInputException {
        if (!mapping.headers().equals(headers)) {
            throw new ImportInputException("The column mapping does not fit this file: it names columns "
                    + mapping.headers() + " but the file has " + headers + ".");
        }
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new ImportInputException("Cannot import: " + String.join("; ", problems) + ".");
        }
    }

    /** One run of one import: a reader thread feeding the committing thread through a small queue. */
    private final class Run {
        private static final Object END = new Object();

        private final ImportRecord record;
        private final ContactList list;
        private final ColumnMapping mapping;
        private final String region;
        private final ImportFormat format;
        private final char sep;
        private final long resumeAfter;
        private final ImportListener listener;
        private final BooleanSupplier cancelled;
        private final long startNanos;
        private final KeyFilter seen;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private volatile boolean stop;
        private volatile long bytesRead;
        private long lastLine;
        private long rowsThisRun;
        private long lastRecord;
        private long inserted;
        private long updated;
        private long unchanged;
        private long rejected;

        Run(ImportRecord record, ContactList list, ColumnMapping mapping, String region, ImportFormat format,
            char sep, long resumeAfter, ImportListener listener, BooleanSupplier cancelled, long startNanos,
            KeyFilter seen) {
            this.seen = seen;
            this.record = record;
            this.list = list;
            this.mapping = mapping;
            this.region = region;
            this.format = format;
            this.sep = sep;
            this.resumeAfter = resumeAfter;
            this.listener = listener;
            this.cancelled = cancelled;
            this.startNanos = startNanos;
            this.lastRecord = resumeAfter;
            this.lastLine = record.lastLine();
            this.inserted = record.inserted();
            this.updated = record.updated();
            this.unchanged = record.unchanged();
            this.rejected = record.rejected();
        }

        ImportState execute(Path file) throws ImportInputException {
            ListFileReader reader = ListFileReader.open(file, format, sep);
            Thread producer = Thread.ofPlatform().name("import-reader-" + record.id()).daemon()
                    .start(() -> produce(reader));
            int seq = imports.batchCount(record.id());
            long lastProgress = 0;
            try {
                while (true) {
                    if (cancelled.getAsBoolean()) {
                        return ImportState.CANCELLED;
                    }
                    Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        continue;
                    }
                    if (item == END) {
                        progress();
                        return ImportState.COMPLETED;
                    }
                    if (item instanceof Throwable t) {
                        throw new IllegalStateException("Reading " + file.getFileName() + " failed after line "
                                + lastLine + ": " + t.getMessage(), t);
                    }
                    @SuppressWarnings("unchecked")
                    List<ImportRow> batch = (List<ImportRow>) item;
                    BatchOutcome o = seen == null
                            ? writer.write(record.id(), list.id(), seq++, lastRecord, batch, clock.instant())
                            : writer.write(record.id(), list.id(), seq++, lastRecord, batch, clock.instant(),
                            seen::mightContain);
                    if (seen != null) {
                        for (ImportRow row : batch) {
                            if (row.result().externalKey() != null) {
                                seen.add(row.result().externalKey());
                            }
                        }
                    }
                    if (seq % COMPACT_EVERY == 0) {
                        writer.compact(COMPACT_MILLIS);
                    }
                    lastRecord = batch.getLast().recordNo();
                    lastLine = batch.getLast().lineNo();
                    rowsThisRun += batch.size();
                    inserted += o.inserted();
                    updated += o.updated();
                    unchanged += o.unchanged();
                    rejected += o.rejected();
                    if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                        lastProgress = System.nanoTime();
                        progress();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ImportState.CANCELLED;
            } finally {
                stop = true;
                queue.clear();
                try {
                    producer.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reader.close();
            }
        }

        private void produce(ListFileReader reader) {
            try {
                ContactNormalizer normalizer = new ContactNormalizer(mapping, region);
                List<ImportRow> batch = new ArrayList<>(BATCH_SIZE);
                long recordNo = 0;
                CsvRecord r;
                while (!stop && (r = reader.next()) != null) {
                    recordNo++;
                    if (recordNo <= resumeAfter) {
                        continue;
                    }
                    batch.add(new ImportRow(recordNo, r.getStartingLineNumber(), normalizer.normalize(r.getFields())));
                    if (batch.size() == BATCH_SIZE) {
                        bytesRead = reader.bytesRead();
                        put(batch);
                        batch = new ArrayList<>(BATCH_SIZE);
                    }
                }
                bytesRead = reader.bytesRead();
                if (!batch.isEmpty()) {
                    put(batch);
                }
                put(END);
            } catch (Throwable t) {
                try {
                    put(t);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void put(Object item) throws InterruptedException {
            while (!stop) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        private void progress() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double rate = seconds > 0 ? rowsThisRun / seconds : 0;
            long read = Math.min(bytesRead, format.size());
            Duration eta = null;
            if (read > 0 && seconds > 0.5) {
                double bytesPerSecond = read / seconds;
                eta = Duration.ofMillis((long) ((format.size() - read) / bytesPerSecond * 1000));
            }
            listener.progress(new ImportProgress(inserted + updated + unchanged + rejected, read, format.size(), rate,
                    eta, inserted, updated, unchanged, rejected));
        }
    }
}
