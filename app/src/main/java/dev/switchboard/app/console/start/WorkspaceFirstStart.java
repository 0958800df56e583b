package dev.switchboard.app.console.start;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** {@link FirstStartBackend} over the open workspace, with the demo data shipped in the resources module. */
public final class WorkspaceFirstStart implements FirstStartBackend {
    public static final String DEMO_LIST = "Demo contacts";
    static final String LIST_RESOURCE = "/demo/lists/demo-contacts.csv";
    static final String SCRUB_RESOURCE = "/demo/dnc/national-dnc-scrub-sample.csv";
    static final String RND_RESOURCE = "/demo/dnc/rnd-results-sample.csv";
    /** The shipped demo campaigns, created as drafts. */
    public static final List<String> DEMO_CAMPAIGNS = List.of("appointment-reminders", "outage-broadcast",
            "overdue-payments");

    private final Workspace workspace;
    private final Clock clock;

    /** {@code clock}: "today" for the demo DNC scrub and RND results (the engine's clock). */
    public WorkspaceFirstStart(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    @Override
    public boolean needsFirstProfile() {
        return !workspace.users().hasAdmin();
    }

    @Override
    public Result run(String name, char[] password, boolean demo, Progress progress, BooleanSupplier cancelled)
            throws Exception {
        int total = demo ? 4 + DEMO_CAMPAIGNS.size() : 1;
        Actor admin;
        try {
            progress.step(0, total, "Creating the admin profile " + name + "…");
            if (!workspace.users().hasAdmin()) {
                workspace.users().add(null, name, Role.ADMIN, Arrays.copyOf(password, password.length));
            }
            admin = workspace.users().authenticate(name, Arrays.copyOf(password, password.length));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!demo) {
            progress.step(1, total, "Done");
            return new Result(name, 0, List.of(), false, admin);
        }
        int done = 1;
        if (cancelled.getAsBoolean()) {
            return new Result(name, 0, List.of(), true, admin);
        }
        progress.step(done, total, "Importing the demo list as \"" + DEMO_LIST + "\"…");
        long contacts;
        Path csv = copy(LIST_RESOURCE);
        try {
            ImportSummary s = workspace.imports().run(ImportRequest.of(csv, DEMO_LIST), ImportListener.NONE,
                    cancelled);
            contacts = s.inserted() + s.updated() + s.unchanged();
        } finally {
            Files.deleteIfExists(csv);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (cancelled.getAsBoolean()) {
            return new Result(name, contacts, List.of(), true, admin);
        }
        progress.step(++done, total, "Importing the demo National DNC scrub dated " + today + "…");
        Path scrub = copy(SCRUB_RESOURCE);
        try {
            workspace.dnc().importScrub(admin, scrub, today);
        } finally {
            Files.deleteIfExists(scrub);
        }
        if (cancelled.getAsBoolean()) {
            return new Result(name, contacts, List.of(), true, admin);
        }
        progress.step(++done, total, "Importing the demo reassigned-numbers (RND) results dated " + today + "…");
        Path rnd = copy(RND_RESOURCE);
        try {
            workspace.dnc().importRnd(admin, rnd, today);
        } finally {
            Files.deleteIfExists(rnd);
        }
        List<String> campaigns = new ArrayList<>();
        for (String id : DEMO_CAMPAIGNS) {
            if (cancelled.getAsBoolean()) {
                return new Result(name, contacts, campaigns, true, admin);
            }
            CampaignService.Spec spec = CampaignFile.demo(id);
            progress.step(++done, total, "Creating the draft campaign \"" + spec.name() + "\"…");
            if (workspace.campaigns().find(spec.name()).isEmpty()) {
                workspace.campaigns().create(admin, spec);
            }
            campaigns.add(spec.name());
        }
        progress.step(total, total, "Done");
        return new Result(name, contacts, campaigns, false, admin);
    }

    private static Path copy(String resource) throws IOException {
        Path tmp = Files.createTempFile("switchboard-demo-", ".csv");
        try (InputStream in = WorkspaceFirstStart.class.getResourceAsStream(resource)) {
            if (in == null) {
                Files.deleteIfExists(tmp);
                throw new IOException("The shipped demo file " + resource + " is missing from this build.");
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }
}
