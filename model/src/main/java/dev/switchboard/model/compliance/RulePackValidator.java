package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link RulePack} from its parsed tree (maps, lists, strings, numbers, booleans, as any JSON or YAML reader
 * produces) and names every bad entry, not just the first. Pure: no IO.
 */
public final class RulePackValidator {
    /** The US states, DC and territories a pack may name. */
    public static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP");

    /** The outcome: a pack when {@code problems} is empty. */
    public record Result(RulePack pack, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final List<String> problems = new ArrayList<>();

    private RulePackValidator() {
    }

    public static Result validate(Map<String, ?> tree) {
        RulePackValidator v = new RulePackValidator();
        RulePack pack = v.build(tree);
        return new Result(v.problems.isEmpty() ? pack : null, v.problems);
    }

    private RulePack build(Map<String, ?> t) {
        String packId = string(t, "pack_id", "pack_id");
        String version = string(t, "version", "version");
        LocalDate effective = date(t.get("effective_from"), "effective_from");
        String signOff = signOff(t.get("sign_off"));
        Map<String, ?> fed = map(t.get("federal"), "federal");
        DayWindow federal = fed == null ? null : window(fed.get("window"), "federal.window");
        String fedCitation = fed == null ? null : citation(fed, "federal");
        Set<Channel> legal = channels(t.get("legal_channels"), "legal_channels");
        Map<Channel, DayWindow> defaults = new EnumMap<>(Channel.class);
        Map<String, ?> d = map(t.get("channel_defaults"), "channel_defaults");
        if (d != null) {
            d.forEach((k, v) -> {
                Channel c = channel(k, "channel_defaults." + k);
                DayWindow w = window(v, "channel_defaults." + k);
                if (c != null && w != null) {
                    defaults.put(c, w);
                }
            });
            for (Channel c : Channel.values()) {
                if (!d.containsKey(c.name())) {
                    problems.add("channel_defaults: no default window for " + c);
                }
            }
        }
        Map<String, StateRule> states = new HashMap<>();
        Map<String, ?> s = map(t.get("states"), "states");
        if (s != null) {
            s.forEach((code, v) -> {
                StateRule r = state(code, v);
                if (r != null) {
                    states.put(code, r);
                }
            });
        }
        List<CapRule> caps = new ArrayList<>();
        List<?> capList = list(t.get("caps"), "caps");
        Set<String> capIds = new HashSet<>();
        if (capList != null) {
            for (int i = 0; i < capList.size(); i++) {
                CapRule cap = cap(capList.get(i), "caps[" + i + "]");
                if (cap != null && !capIds.add(cap.id())) {
                    problems.add("caps[" + i + "]: duplicate id " + cap.id());
                } else if (cap != null) {
                    caps.add(cap);
                }
            }
        }
        Map<String, ?> coll = map(t.get("collections"), "collections");
        Duration quiet = null;
        String collCitation = null;
        if (coll != null) {
            Integer days = positive(coll.get("conversation_quiet_days"), "collections.conversation_quiet_days");
            quiet = days == null ? null : Duration.ofDays(days);
            collCitation = citation(coll, "collections");
        }
        RulePack.NoJurisdictionPolicy policy = null;
        Object nj = t.get("no_jurisdiction");
        try {
            policy = RulePack.NoJurisdictionPolicy.valueOf(String.valueOf(nj));
        } catch (IllegalArgumentException e) {
            problems.add("no_jurisdiction: unknown policy '" + nj + "' (BLOCK or US_INTERSECTION)");
        }
        List<ZoneId> zones = new ArrayList<>();
        List<?> z = list(t.get("us_zones"), "us_zones");
        if (z != null) {
            for (Object o : z) {
                try {
                    zones.add(ZoneId.of(String.valueOf(o)));
                } catch (DateTimeException e) {
                    problems.add("us_zones: unknown time zone '" + o + "'");
                }
            }
        }
        Object revokeAll = t.get("revoke_all_marketing");
        if (revokeAll != null && !(revokeAll instanceof Boolean)) {
            problems.add("revoke_all_marketing: not true or false: " + revokeAll);
        }
        Keywords keywords = keywords(t.get("keywords"));
        ScrubPolicy scrubs = scrubs(t.get("scrubs"));
        if (!problems.isEmpty()) {
            return null;
        }
        return new RulePack(packId, version, effective, signOff, federal, fedCitation, legal, states, defaults, caps,
                quiet, collCitation, policy, zones, revokeAll == null || (Boolean) revokeAll, keywords, null,
                scrubs);
    }

    private StateRule state(String code, Object value) {
        String at = "states." + code;
        if (!US_STATES.contains(code)) {
            problems.add(at + ": unknown state '" + code + "'");
        }
        Map<String, ?> m = map(value, at);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        DayWindow base = m.containsKey("window") ? window(m.get("window"), at + ".window") : null;
        Map<DayOfWeek, DayWindow> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, base);
        }
        Map<String, ?> overrides = m.containsKey("days") ? map(m.get("days"), at + ".days") : Map.of();
        if (overrides != null) {
            overrides.forEach((k, v) -> {
                DayOfWeek day = day(k, at + ".days." + k);
                DayWindow w = window(v, at + ".days." + k);
                if (day != null) {
                    days.put(day, w);
                }
            });
        }
        List<?> banned = m.containsKey("banned_days") ? list(m.get("banned_days"), at + ".banned_days") : List.of();
        if (banned != null) {
            for (Object o : banned) {
                DayOfWeek day = day(String.valueOf(o), at + ".banned_days");
                if (day != null) {
                    if (overrides != null && overrides.containsKey(String.valueOf(o))) {
                        problems.add(at + ": " + o + " is both banned and given a window");
                    }
                    days.remove(day);
                }
            }
        }
        days.values().removeIf(java.util.Objects::isNull);
        if (base == null && !m.containsKey("window")) {
            problems.add(at + ": no window");
        }
        Set<LocalDate> holidays = new HashSet<>();
        List<?> h = m.containsKey("holidays") ? list(m.get("holidays"), at + ".holidays") : List.of();
        if (h != null) {
            for (int i = 0; i < h.size(); i++) {
                Object o = h.get(i);
                Object dateValue = o instanceof Map<?, ?> hm ? hm.get("date") : o;
                LocalDate date = date(dateValue, at + ".holidays[" + i + "]");
                if (date != null && !holidays.add(date)) {
                    problems.add(at + ".holidays[" + i + "]: duplicate date " + date);
                }
            }
        }
        String citation = citation(m, at);
        return problems.size() == before ? new StateRule(code, days, holidays, citation) : null;
    }

    private CapRule cap(Object value, String at) {
        Map<String, ?> m = map(value, at);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        String id = string(m, "id", at + ".id");
        CapRule.Scope scope = null;
        try {
            scope = CapRule.Scope.valueOf(String.valueOf(m.get("scope")));
        } catch (IllegalArgumentException e) {
            problems.add(at + ".scope: unknown scope '" + m.get("scope") + "' (PERSON_SUBJECT, PERSON or DEBT)");
        }
        Set<String> states = new HashSet<>();
        List<?> st = m.containsKey("states") ? list(m.get("states"), at + ".states") : List.of();
        if (st != null) {
            for (Object o : st) {
                if (!US_STATES.contains(String.valueOf(o))) {
                    problems.add(at + ".states: unknown state '" + o + "'");
                }
                states.add(String.valueOf(o));
            }
        }
        Set<Channel> channels = channels(m.get("channels"), at + ".channels");
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        List<?> p = list(m.get("purposes"), at + ".purposes");
        if (p != null) {
            for (Object o : p) {
                try {
                    purposes.add(Purpose.valueOf(String.valueOf(o)));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".purposes: unknown purpose '" + o + "'");
                }
            }
        }
        Integer hours = positive(m.get("window_hours"), at + ".window_hours");
        Integer max = positive(m.get("max"), at + ".max");
        Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
        Map<String, ?> w = m.containsKey("weights") ? map(m.get("weights"), at + ".weights") : Map.of();
        if (w != null) {
            w.forEach((k, v) -> {
                Channel c = channel(k, at + ".weights." + k);
                Integer n = positive(v, at + ".weights." + k);
                if (c != null && n != null) {
                    weights.put(c, n);
                }
            });
        }
        Object legal = m.get("legal");
        if (!(legal instanceof Boolean)) {
            problems.add(at + ".legal: not true or false: " + legal);
        }
        String citation = citation(m, at);
        if (problems.size() != before) {
            return null;
        }
        return new CapRule(id, scope, states, channels, purposes, Duration.ofHours(hours), max, weights,
                (Boolean) legal, citation);
    }

    /** The optional {@code scrubs} section; each missing key takes its {@link ScrubPolicy#DEFAULT}. */
    private ScrubPolicy scrubs(Object value) {
        if (value == null) {
            return ScrubPolicy.DEFAULT;
        }
        Map<String, ?> m = map(value, "scrubs");
        if (m == null) {
            return null;
        }
        ScrubPolicy d = ScrubPolicy.DEFAULT;
        Integer national = m.containsKey("national_dnc_max_age_days")
                ? positive(m.get("national_dnc_max_age_days"), "scrubs.national_dnc_max_age_days")
                : Integer.valueOf(d.nationalDncMaxAgeDays());
        if (national != null && national > 31) {
            problems.add("scrubs.national_dnc_max_age_days: " + national + " is over the legal 31 days"
                    + " (47 CFR §64.1200(c)(2)(i))");
        }
        Integer rnd = m.containsKey("rnd_max_age_days")
                ? positive(m.get("rnd_max_age_days"), "scrubs.rnd_max_age_days")
                : Integer.valueOf(d.rndMaxAgeDays());
        Integer syncHours = m.containsKey("genesys_dnc_max_age_hours")
                ? positive(m.get("genesys_dnc_max_age_hours"), "scrubs.genesys_dnc_max_age_hours")
                : Integer.valueOf((int) d.genesysDncMaxAge().toHours());
        ScrubPolicy.RndNoData noData = d.rndNoData();
        Object nd = m.get("rnd_no_data");
        if (nd != null) {
            try {
                noData = ScrubPolicy.RndNoData.valueOf(String.valueOf(nd));
            } catch (IllegalArgumentException e) {
                problems.add("scrubs.rnd_no_data: unknown policy '" + nd + "' (BLOCK_MARKETING, BLOCK or ALLOW)");
                noData = null;
            }
        }
        Object citation = m.get("citation");
        if (national == null || national > 31 || rnd == null || syncHours == null || noData == null) {
            return null;
        }
        return new ScrubPolicy(national, rnd, noData, Duration.ofHours(syncHours),
                citation == null ? d.citation() : String.valueOf(citation));
    }

    private Keywords keywords(Object value) {
        Map<String, ?> m = map(value, "keywords");
        if (m == null) {
            return null;
        }
        Set<String> out = words(m.get("opt_out"), "keywords.opt_out");
        Set<String> in = words(m.get("opt_in"), "keywords.opt_in");
        Set<String> help = words(m.get("help"), "keywords.help");
        if (out == null || in == null || help == null) {
            return null;
        }
        for (String word : in) {
            if (out.contains(word)) {
                problems.add("keywords: '" + word + "' is both an opt-out and an opt-in keyword");
            }
        }
        return new Keywords(out, in, help);
    }

    private Set<String> words(Object value, String at) {
        List<?> l = list(value, at);
        if (l == null) {
            return null;
        }
        if (l.isEmpty()) {
            problems.add(at + ": empty");
        }
        Set<String> words = new LinkedHashSet<>();
        for (Object o : l) {
            String n = Keywords.normalize(String.valueOf(o));
            if (n.isEmpty()) {
                problems.add(at + ": blank keyword '" + o + "'");
            } else if (!words.add(n)) {
                problems.add(at + ": duplicate keyword '" + o + "'");
            }
        }
        return words;
    }

    private String signOff(Object value) {
        if (value instanceof Map<?, ?> m) {
            Object by = m.get("by");
            Object at = m.get("at");
            if (!(by instanceof String b) || b.isBlank() || !(at instanceof String a) || a.isBlank()) {
                problems.add("sign_off: needs 'by' and 'at'");
                return null;
            }
            return by + " at " + at;
        }
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add("sign_off: missing");
        return null;
    }

    private String citation(Map<String, ?> m, String at) {
        Object c = m.get("citation");
        if (!(c instanceof String s) || s.isBlank()) {
            problems.add(at + ": no citation");
            return null;
        }
        return s;
    }

    private String string(Map<String, ?> m, String key, String at) {
        Object v = m.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(at + ": missing");
            return null;
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> map(Object v, String at) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, ?>) m;
        }
        problems.add(at + ": " + (v == null ? "missing" : "not an object"));
        return null;
    }

    private List<?> list(Object v, String at) {
        if (v instanceof List<?> l) {
            return l;
        }
        problems.add(at + ": " + (v == null ? "missing" : "not a list"));
        return null;
    }

    private LocalDate date(Object v, String at) {
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (DateTimeException e) {
            problems.add(at + ": bad date '" + v + "' (YYYY-MM-DD)");
            return null;
        }
    }

    private Integer positive(Object v, String at) {
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n > 0 && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
            problems.add(at + ": must be positive, was " + n);
            return null;
        }
        problems.add(at + ": " + (v == null ? "missing" : "not a whole number: " + v));
        return null;
    }

    private Channel channel(String name, String at) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        problems.add(at + ": unknown channel '" + name + "' (VOICE, SMS or EMAIL)");
        return null;
    }

    private Set<Channel> channels(Object v, String at) {
        Set<Channel> set = EnumSet.noneOf(Channel.class);
        List<?> l = list(v, at);
        if (l != null) {
            for (Object o : l) {
                Channel c = channel(String.valueOf(o), at);
                if (c != null) {
                    set.add(c);
                }
            }
        }
        return set;
    }

    private DayOfWeek day(String name, String at) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(name) && name.length() >= 3) {
                return d;
            }
        }
        problems.add(at + ": unknown day '" + name + "' (MON … SUN)");
        return null;
    }

    /** {@code HH:MM-HH:MM}, start before end, parsed without regex. */
    private DayWindow window(Object v, String at) {
        String s = String.valueOf(v);
        int dash = s.indexOf('-');
        if (!(v instanceof String) || dash < 0) {
            problems.add(at + ": bad window '" + v + "' (HH:MM-HH:MM)");
            return null;
        }
        LocalTime start = time(s.substring(0, dash), at);
        LocalTime end = time(s.substring(dash + 1), at);
        if (start == null || end == null) {
            return null;
        }
        if (!start.isBefore(end)) {
            problems.add(at + ": window '" + s + "' is empty or negative (start must be before end)");
            return null;
        }
        return new DayWindow(start, end);
    }

    private LocalTime time(String s, String at) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeException e) {
            problems.add(at + ": bad time '" + s.strip() + "' (HH:MM, 00:00 to 23:59)");
            return null;
        }
    }
}
