package dev.switchboard.genesys;

/**
 * Authentication failed although a fresh token was used: a second 401 after one renewal, or the token
 * endpoint failed for a reason other than rejected credentials. A credentials or role fault; never loop on it.
 */
public class GenesysAuthException extends GenesysApiException {

    private static final long serialVersionUID = 1L;

    public GenesysAuthException(GenesysApiException cause) {
        super(cause);
        initCause(cause);
    }

    public GenesysAuthException(String operation, int status, String code, String message) {
        super(operation, status, code, message, null, null);
    }
}
