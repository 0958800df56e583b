package dev.switchboard.genesys;

import dev.switchboard.model.redact.LogMask;

import java.util.List;

/**
 * Genesys answered with an error status. Carries the parsed {@code ErrorBody}: status, code, message,
 * contextId (the correlation id to quote to Genesys support) and details. The message never contains a
 * request body, token or unmasked address.
 */
public class GenesysApiException extends GenesysException {

    private static final long serialVersionUID = 1L;

    /** One entry of {@code ErrorBody.details}. */
    public record Detail(String errorCode, String fieldName) {
    }

    private final int status;
    private final String code;
    private final String errorMessage;
    private final String contextId;
    private final transient List<Detail> details;
    private final String operation;

    public GenesysApiException(String operation, int status, String code, String errorMessage, String contextId,
            List<Detail> details) {
        super(operation + " failed: HTTP " + status + (code == null ? "" : " " + code)
                + (errorMessage == null ? "" : ": " + LogMask.text(errorMessage))
                + (contextId == null ? "" : " (contextId " + contextId + ")"));
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.contextId = contextId;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** A copy of {@code other} (used to re-throw with a more specific type). */
    protected GenesysApiException(GenesysApiException other) {
        this(other.operation, other.status, other.code, other.errorMessage, other.contextId, other.details);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The class of the status. */
    public ErrorKind kind() {
        return ErrorKind.of(status);
    }

    /** The Genesys error code, e.g. {@code invalid.update.wrong.version}; null when the body had none. */
    public String code() {
        return code;
    }

    /** Genesys' message (unmasked; do not log it raw). */
    public String errorMessage() {
        return errorMessage;
    }

    /** The correlation id Genesys reported (ErrorBody.contextId or the ININ-Correlation-Id header). */
    public String contextId() {
        return contextId;
    }

    /** The error details, possibly empty. */
    public List<Detail> details() {
        return details;
    }

    /** The request, as "METHOD /path" without query values. */
    public String operation() {
        return operation;
    }

    /** Whether this is a 409 stale-version conflict. */
    public boolean isWrongVersion() {
        return status == 409 && (code == null || code.contains("wrong.version"));
    }
}
