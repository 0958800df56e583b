/**
 * The Genesys Cloud Platform API client: OAuth client credentials, pacing, retries, endpoints and notifications.
 *
 * <p>Entry point: {@link dev.switchboard.genesys.GenesysClient}, one per credential, shared by every thread. It is
 * built for a {@link dev.switchboard.genesys.GenesysRegion} or explicit URLs
 * ({@link dev.switchboard.genesys.GenesysEndpoint#of(java.net.URI, java.net.URI)}, e.g. the sandbox) and exposes the
 * endpoint areas: {@code messaging()}, {@code contacts()}, {@code dnc()}, {@code campaigns()}, {@code organization()},
 * {@code notifications()} and {@code openNotifications(...)}.
 *
 * <p>Failure contract, by exception:
 * <ul>
 *   <li>{@link dev.switchboard.genesys.SendOutcomeUnknownException}: an agentless send may have been delivered
 *       (timeout, reset, 5xx after the request was written). Never retried by the client; reconcile.</li>
 *   <li>{@link dev.switchboard.genesys.GenesysTransportException}: a network failure; {@code retryable()} is true
 *       when nothing was sent.</li>
 *   <li>{@link dev.switchboard.genesys.GenesysApiException} (status, code, message, contextId, details) and its
 *       subclasses {@link dev.switchboard.genesys.GenesysAuthException} (a 401 after one renewal) and
 *       {@link dev.switchboard.genesys.RateLimitedException} (429s beyond 180 s).</li>
 *   <li>{@link dev.switchboard.genesys.GenesysCredentialsRejectedException}: the secret was rejected; calls fail
 *       fast until new credentials are installed.</li>
 *   <li>{@link dev.switchboard.genesys.InvalidRequestException}: refused locally, nothing sent.</li>
 * </ul>
 *
 * <p>The client retries on its own only what is safe: 401 (one renewal, one replay), 429 (pausing the shared
 * {@link dev.switchboard.genesys.Pacer}), and 408/5xx/network errors of repeatable calls with jittered backoff.
 * Wire DTOs stay package-private; the public records in {@code Messages}, {@code Contacts}, {@code Dnc},
 * {@code Campaigns}, {@code Org} and {@code Notifications} are what the engine maps to model types. Tokens, secrets
 * and bodies are never logged; addresses only masked ({@link dev.switchboard.model.redact.LogMask}).
 */
package dev.switchboard.genesys;
