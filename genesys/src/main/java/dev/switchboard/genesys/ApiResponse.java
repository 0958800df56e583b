package dev.switchboard.genesys;

/** A successful (2xx) answer: status, body text and the correlation id. */
record ApiResponse(int status, String body, String correlationId) {

    <T> T as(Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return Json.read(body, type);
    }
}
