package dev.switchboard.genesys;

import java.util.List;

/** The Genesys {@code ErrorBody} wire shape (section 12), read from error answers. */
record ErrorBody(String message, String code, Integer status, String contextId,
        List<GenesysApiException.Detail> details, String error, String description, String error_description) {

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, null, null, null, List.of(), null, null, null);
        }
        try {
            return Json.read(body, ErrorBody.class);
        } catch (RuntimeException notJson) {
            String snippet = body.length() > 200 ? body.substring(0, 200) : body;
            return new ErrorBody(snippet, null, null, null, List.of(), null, null, null);
        }
    }
}
