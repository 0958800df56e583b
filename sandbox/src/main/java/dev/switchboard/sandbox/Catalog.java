package dev.switchboard.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The org's fixed configuration, the same in every sandbox: wrap-up codes, the default dialer wrap-up mapping,
 * callable time sets, rule sets, provisioned SMS numbers, limits and the inbound queue.
 */
final class Catalog {

    static final String QUEUE_ID = Sandbox.INBOUND_QUEUE_ID;
    static final String ORG_ID = "5a9d0b1c-2e3f-4a5b-8c6d-7e8f9a0b1c2d";
    static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    static final String SALE = "0b7b3c1e-5a57-4e55-9a1e-000000000001";
    static final String ANSWERED = "0b7b3c1e-5a57-4e55-9a1e-000000000002";
    static final String NO_ANSWER = "0b7b3c1e-5a57-4e55-9a1e-000000000003";
    static final String BUSY = "0b7b3c1e-5a57-4e55-9a1e-000000000004";
    static final String MACHINE = "0b7b3c1e-5a57-4e55-9a1e-000000000005";
    static final String WRONG_NUMBER = "0b7b3c1e-5a57-4e55-9a1e-000000000006";
    static final String DO_NOT_CALL = "0b7b3c1e-5a57-4e55-9a1e-000000000007";
    /** System code the dialer writes for a number found on an attached DNC list. */
    static final String DNC_SKIPPED = "ININ-OUTBOUND-DNC-SKIPPED";

    static final Map<String, String> WRAPUP_CODES = new LinkedHashMap<>();

    static {
        WRAPUP_CODES.put(SALE, "Answered - Sale");
        WRAPUP_CODES.put(ANSWERED, "Answered - No Sale");
        WRAPUP_CODES.put(NO_ANSWER, "No Answer");
        WRAPUP_CODES.put(BUSY, "Busy");
        WRAPUP_CODES.put(MACHINE, "Answering Machine");
        WRAPUP_CODES.put(WRONG_NUMBER, "Wrong Number");
        WRAPUP_CODES.put(DO_NOT_CALL, "Do Not Call");
    }

    static final String TIMESET_BUSINESS = "c7a1f0d2-1b3e-4c5d-9e6f-000000000001";
    static final String TIMESET_ALWAYS = "c7a1f0d2-1b3e-4c5d-9e6f-000000000002";
    static final String TIMESET_STRICT = "c7a1f0d2-1b3e-4c5d-9e6f-000000000003";
    static final String RULESET_VOICE = "d4e5f6a7-b8c9-4d0e-8f1a-000000000001";
    static final String RULESET_DIGITAL = "e5f6a7b8-c9d0-4e1f-9a2b-000000000001";

    static final List<String[]> SMS_NUMBERS = List.of(
            new String[] {"f1e2d3c4-b5a6-4978-8a9b-000000000001", "+13177340100", "local"},
            new String[] {"f1e2d3c4-b5a6-4978-8a9b-000000000002", "+13177340101", "local"},
            new String[] {"f1e2d3c4-b5a6-4978-8a9b-000000000003", "+18887340100", "tollfree"});

    private Catalog() {
    }

    static boolean isSmsNumber(String number) {
        return SMS_NUMBERS.stream().anyMatch(n -> n[1].equals(number));
    }

    static ObjectNode wrapupCode(String id) {
        String name = WRAPUP_CODES.get(id);
        if (name == null) {
            return null;
        }
        ObjectNode c = Json.obj();
        c.put("id", id);
        c.put("name", name);
        c.put("dateCreated", Json.time(CREATED));
        c.put("selfUri", "/api/v2/routing/wrapupcodes/" + id);
        return c;
    }

    static ObjectNode defaultMappings() {
        ObjectNode m = Json.obj();
        m.put("id", "wrapupcodemappings");
        m.put("name", "Wrap-up code mapping");
        m.put("dateCreated", Json.time(CREATED));
        m.put("dateModified", Json.time(CREATED));
        m.put("version", 1);
        ArrayNode defaults = m.putArray("defaultSet");
        defaults.add("CONTACT_UNCALLABLE").add("NUMBER_UNCALLABLE").add("RIGHT_PARTY_CONTACT");
        ObjectNode mapping = m.putObject("mapping");
        mapping.set(SALE, flags("RIGHT_PARTY_CONTACT", "BUSINESS_SUCCESS", "CONTACT_UNCALLABLE"));
        mapping.set(ANSWERED, flags("RIGHT_PARTY_CONTACT", "BUSINESS_NEUTRAL"));
        mapping.set(NO_ANSWER, flags());
        mapping.set(BUSY, flags());
        mapping.set(MACHINE, flags());
        mapping.set(WRONG_NUMBER, flags("NUMBER_UNCALLABLE"));
        mapping.set(DO_NOT_CALL, flags("CONTACT_UNCALLABLE", "BUSINESS_FAILURE"));
        m.put("selfUri", "/api/v2/outbound/wrapupcodemappings");
        return m;
    }

    private static ArrayNode flags(String... values) {
        ArrayNode a = Json.arr();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static List<ObjectNode> callableTimeSets() {
        return List.of(
                timeSet(TIMESET_BUSINESS, "Business hours (US Central)", "America/Chicago",
                        new int[] {1, 2, 3, 4, 5}, "09:00:00", "20:00:00"),
                timeSet(TIMESET_ALWAYS, "Always", "Etc/UTC", new int[] {1, 2, 3, 4, 5, 6, 7}, "00:00:00",
                        "23:59:59"),
                // what a compliance-minded admin sets up: weekdays 10-18, Saturdays 10-17 (local time of each
                // contact's timeZone column), no Sundays — inside every US state's window
                timeSet(TIMESET_STRICT, "Compliance hours (contact local time)", "America/New_York",
                        new int[] {1, 2, 3, 4, 5}, "10:00:00", "18:00:00", new int[] {6}, "10:00:00", "17:00:00"));
    }

    private static ObjectNode timeSet(String id, String name, String zone, int[] days, String start, String stop) {
        return timeSet(id, name, zone, days, start, stop, new int[0], start, stop);
    }

    private static ObjectNode timeSet(String id, String name, String zone, int[] days, String start, String stop,
                                      int[] otherDays, String otherStart, String otherStop) {
        ObjectNode t = Json.obj();
        t.put("id", id);
        t.put("name", name);
        t.put("dateCreated", Json.time(CREATED));
        t.put("dateModified", Json.time(CREATED));
        t.put("version", 1);
        ObjectNode ct = t.putArray("callableTimes").addObject();
        ct.put("timeZoneId", zone);
        ArrayNode slots = ct.putArray("timeSlots");
        for (int d : days) {
            ObjectNode s = slots.addObject();
            s.put("day", d);
            s.put("startTime", start);
            s.put("stopTime", stop);
        }
        for (int d : otherDays) {
            ObjectNode s = slots.addObject();
            s.put("day", d);
            s.put("startTime", otherStart);
            s.put("stopTime", otherStop);
        }
        t.put("selfUri", "/api/v2/outbound/callabletimesets/" + id);
        return t;
    }

    static List<ObjectNode> ruleSets() {
        ObjectNode r = Json.obj();
        r.put("id", RULESET_VOICE);
        r.put("name", "Sandbox voice rules");
        r.put("dateCreated", Json.time(CREATED));
        r.put("version", 1);
        r.putArray("rules");
        r.put("selfUri", "/api/v2/outbound/rulesets/" + RULESET_VOICE);
        return List.of(r);
    }

    static List<ObjectNode> digitalRuleSets() {
        ObjectNode r = Json.obj();
        r.put("id", RULESET_DIGITAL);
        r.put("name", "Sandbox messaging rules");
        r.put("dateCreated", Json.time(CREATED));
        r.put("version", 1);
        r.putArray("rules");
        r.put("selfUri", "/api/v2/outbound/digitalrulesets/" + RULESET_DIGITAL);
        return List.of(r);
    }

    static List<ObjectNode> smsNumbers() {
        return SMS_NUMBERS.stream().map(n -> {
            ObjectNode p = Json.obj();
            p.put("id", n[0]);
            p.put("name", n[1]);
            p.put("phoneNumber", n[1]);
            p.put("phoneNumberType", n[2]);
            p.put("provisionedThroughPureCloud", true);
            p.put("phoneNumberStatus", "ACTIVE");
            p.putArray("capabilities").add("sms");
            p.put("countryCode", "US");
            p.put("country", "United States");
            p.put("supportsSms", true);
            p.put("supportsMms", false);
            p.put("supportsVoice", false);
            p.put("version", 1);
            p.put("dateCreated", Json.time(CREATED));
            p.put("selfUri", "/api/v2/routing/sms/phonenumbers/" + n[0]);
            return p;
        }).toList();
    }

    /** Limits per namespace as {@code key -> value}; {@code platform.api} reports the configured budget. */
    static Map<String, Map<String, Integer>> limits(int requestsPerMinute) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        Map<String, Integer> platform = new LinkedHashMap<>();
        platform.put("client.credentials.token.rate.per.minute", requestsPerMinute);
        platform.put("token.rate.per.minute", requestsPerMinute);
        out.put("platform.api", platform);
        Map<String, Integer> outbound = new LinkedHashMap<>();
        outbound.put("contact.list.column.max", 50);
        outbound.put("contacts.add.max.per.request", 1000);
        outbound.put("contacts.bulk.get.max", 50);
        outbound.put("contacts.delete.max", 250);
        outbound.put("max.active.campaigns", 50);
        out.put("outbound", outbound);
        Map<String, Integer> notifications = new LinkedHashMap<>();
        notifications.put("channels.per.user.and.app", 20);
        notifications.put("topics.per.channel", 1000);
        notifications.put("channel.lifetime.hours", 24);
        out.put("notifications", notifications);
        Map<String, Integer> messaging = new LinkedHashMap<>();
        messaging.put("sms.text.body.max.characters", 765);
        out.put("messaging", messaging);
        return out;
    }
}
