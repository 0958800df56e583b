package dev.switchboard.app.console.start;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the first start needs of the store: whether it has a person's profile yet, and the work of making the first
 * admin and loading the demo data. Blocks: call it on a worker.
 */
public interface FirstStartBackend {

    /** A step done: {@code done} of {@code total}, and what is being done now. */
    @FunctionalInterface
    interface Progress {
        void step(int done, int total, String now);
    }

    /**
     * What the first start made; {@code cancelled} when it stopped between steps; {@code signedIn} the admin, signed
     * in (the console continues as that profile), null where no profile was authenticated (tests).
     */
    record Result(String admin, long contacts, List<String> campaigns, boolean cancelled,
                  dev.switchboard.engine.users.Actor signedIn) {
        public Result(String admin, long contacts, List<String> campaigns, boolean cancelled) {
            this(admin, contacts, campaigns, cancelled, null);
        }
    }

    /** True while the store has no admin profile (only the system profiles a new store comes with). */
    boolean needsFirstProfile();

    /**
     * Makes {@code name} the first admin (or, when one exists already from an earlier try, checks its password),
     * then with {@code demo} imports the demo list as "Demo contacts", the demo National DNC scrub and RND results
     * dated today, and creates the shipped demo campaigns as drafts (skipping what exists). Stops between steps when
     * {@code cancelled}. The password array is wiped.
     */
    Result run(String name, char[] password, boolean demo, Progress progress, BooleanSupplier cancelled)
            throws Exception;
}
