package dev.switchboard.genesys;

import tools.jackson.databind.JsonNode;

/**
 * One notification: the envelope {@code {topicName, version, eventBody, metadata: {CorrelationId}}}.
 *
 * @param topicName     e.g. {@code v2.outbound.campaigns.{id}}
 * @param eventBody     the event as JSON (a missing body is a JSON null node)
 * @param correlationId {@code metadata.CorrelationId}, used for de-duplication; may be null
 * @param raw           the frame as received
 */
public record NotificationEvent(String topicName, String version, JsonNode eventBody, String correlationId,
        String raw) {

    /** The body mapped to a type (unknown properties ignored). */
    public <T> T eventBodyAs(Class<T> type) {
        return Json.convert(eventBody, type);
    }
}
