package dev.switchboard.engine.templates;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;

import java.util.List;

/**
 * Seeds a new store with the shipped demo templates, written by the demo profile {@value #AUTHOR} and approved by
 * {@value #REVIEWER} (two different people, as the review rules demand), so a new user can launch at once. Both are
 * system profiles that cannot log in. Runs once: only on a store that has no templates and no admin yet.
 */
public final class DemoTemplates {
    public static final String AUTHOR = "demo-author";
    public static final String REVIEWER = "demo-reviewer";
    public static final List<String> IDS = List.of("appointment-sms", "offer-email", "outage-sms",
            "payment-reminder-sms", "voice-collections", "voice-default");

    private DemoTemplates() {
    }

    /** Seeds the demo templates if the store is new; returns how many were seeded. */
    public static int seedIfNew(UserService users, TemplateService templates) {
        if (!templates.all().isEmpty() || users.hasAdmin()) {
            return 0;
        }
        return seed(users, templates);
    }

    /** Seeds the demo templates whatever the store holds (tests, and stores that want them back). */
    public static int seed(UserService users, TemplateService templates) {
        try {
            UserProfile author = users.systemProfile(AUTHOR, Role.COMPLIANCE);
            UserProfile reviewer = users.systemProfile(REVIEWER, Role.COMPLIANCE);
            Actor by = new Actor(author, "switchboard");
            Actor review = new Actor(reviewer, "switchboard");
            for (String id : IDS) {
                TemplateFile file = TemplateFile.demo(id);
                templates.importFile(by, file);
                templates.submit(by, id);
                templates.approve(review, id);
            }
            return IDS.size();
        } catch (TemplateFile.TemplateFileException | PermissionDeniedException e) {
            throw new IllegalStateException("The shipped demo templates are broken: " + e.getMessage(), e);
        }
    }
}
