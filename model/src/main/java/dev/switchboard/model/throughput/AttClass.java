package dev.switchboard.model.throughput;

import java.util.Locale;

/**
 * AT&T's message class of a 10DLC campaign, with its limit in segments per minute (compliance-rules.md §4: A/B
 * 4,500; C/D 2,400; E/F 240; T 75). The class comes with the campaign's registration.
 */
public enum AttClass {
    A(4_500), B(4_500), C(2_400), D(2_400), E(240), F(240), T(75);

    private final int perMinute;

    AttClass(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    public static AttClass parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not an AT&T class (A, B, C, D, E, F or T)");
        }
    }
}
