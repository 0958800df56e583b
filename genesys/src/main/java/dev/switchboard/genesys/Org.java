package dev.switchboard.genesys;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Public shapes of organization-level resources. */
public final class Org {

    private Org() {
    }

    /** A wrap-up code. */
    public record WrapupCode(String id, String name) {
    }

    /**
     * The dialer's wrap-up code mapping: flags per wrap-up code id (CONTACT_UNCALLABLE, NUMBER_UNCALLABLE,
     * RIGHT_PARTY_CONTACT, BUSINESS_SUCCESS, BUSINESS_FAILURE, BUSINESS_NEUTRAL).
     */
    public record WrapupCodeMapping(String id, Integer version, List<String> defaultSet,
            Map<String, List<String>> mapping) {

        public WrapupCodeMapping withMapping(Map<String, List<String>> value) {
            return new WrapupCodeMapping(id, version, defaultSet, value);
        }
    }

    /** One limit ({@code Limit}). */
    public record Limit(String key, String namespace, Long value) {
    }

    /** A provisioned SMS number. */
    public record SmsPhoneNumber(String id, String name, String phoneNumber, String phoneNumberType,
            String phoneNumberStatus, String countryCode) {
    }

    /** A named entity. */
    public record NamedEntity(String id, String name) {
    }

    /** {@code GET /api/v2/tokens/me}: the org and OAuth client of the token (the client kept as JSON). */
    public record TokenInfo(NamedEntity organization, NamedEntity homeOrganization, JsonNode OAuthClient,
            String dateTokenIdles) {
    }

    /** A callable time set: per time zone, the weekday slots ({@code day} 1–7 Monday–Sunday, "HH:mm:ss"). */
    public record CallableTimeSet(String id, String name, Integer version, List<CallableTime> callableTimes) {
    }

    public record CallableTime(String timeZoneId, List<TimeSlot> timeSlots) {
    }

    public record TimeSlot(Integer day, String startTime, String stopTime) {
    }
}
