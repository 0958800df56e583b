package dev.switchboard.engine.users;

import dev.switchboard.model.user.UserProfile;

/** An authenticated profile and the OS login it acts from; every audited action records both. */
public record Actor(UserProfile profile, String osLogin) {
    public String name() {
        return profile.name();
    }

    static String currentOsLogin() {
        String user = System.getProperty("user.name", "unknown");
        return user.replaceAll("[\\r\\n]", " ");
    }
}
