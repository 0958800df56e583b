package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Genesys callable time set is no looser than a rule pack. Once a contact sits in a dialer's list the
 * dialer decides when to call, within the campaign's callable time set (applied in each contact's time zone); so
 * every slot of that set must lie inside the window the pack allows on that weekday in every state: the federal
 * window, the voice default, and each state's rule (a weekday a state bans allows nothing). Holidays are not
 * visible to a time set; the engine withdraws contacts before those itself.
 */
public final class CallableTimes {
    private CallableTimes() {
    }

    /** One slot of a time set: ISO weekday 1–7 (Monday–Sunday), local start and stop. */
    public record Slot(int day, LocalTime start, LocalTime stop) {
    }

    /** The strictest voice window of the pack on a weekday, or empty when some state bans calls that day. */
    public static Optional<DayWindow> strictest(RulePack pack, DayOfWeek day) {
        DayWindow w = pack.federal().intersect(pack.channelDefaults().get(Channel.VOICE));
        for (StateRule s : pack.states().values()) {
            if (w == null) {
                break;
            }
            DayWindow sw = s.days().get(day);
            w = sw == null ? null : w.intersect(sw);
        }
        return Optional.ofNullable(w);
    }

    /** The slots that reach outside the pack, described for a person; empty when the set fits. */
    public static List<String> problems(RulePack pack, List<Slot> slots) {
        List<String> out = new ArrayList<>();
        if (slots.isEmpty()) {
            out.add("the time set has no slots");
        }
        for (Slot s : slots) {
            DayOfWeek day;
            try {
                day = DayOfWeek.of(s.day());
            } catch (java.time.DateTimeException e) {
                out.add("day " + s.day() + " is not a weekday number 1-7");
                continue;
            }
            Optional<DayWindow> w = strictest(pack, day);
            if (w.isEmpty()) {
                out.add(day + " " + s.start() + "-" + s.stop() + ": the rule pack allows no calls on " + day
                        + " in some state");
            } else if (s.start().isBefore(w.get().start()) || s.stop().isAfter(w.get().end())) {
                out.add(day + " " + s.start() + "-" + s.stop() + " reaches outside " + w.get());
            }
        }
        return out;
    }
}
