package dev.switchboard.genesys;

/**
 * The login service rejected the client id or secret ({@code invalid_client}). Not retried: every later
 * call fails fast with this exception until {@link TokenProvider#updateCredentials} installs new ones.
 */
public class GenesysCredentialsRejectedException extends GenesysException {

    private static final long serialVersionUID = 1L;

    public GenesysCredentialsRejectedException(String clientId, int status, String error) {
        super("Genesys Cloud rejected the OAuth client credentials for client id " + clientId + " (HTTP " + status
                + (error == null ? "" : ", " + error) + "). Check the client id and secret and that the OAuth client "
                + "uses the Client Credentials grant; no further token requests are made until they change.");
    }

    /** A fresh exception (with a fresh stack trace) for a later call that fails fast on the first rejection. */
    public GenesysCredentialsRejectedException(GenesysCredentialsRejectedException first) {
        super(first.getMessage(), first);
    }
}
