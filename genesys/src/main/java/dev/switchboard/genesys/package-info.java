/**
 * The Genesys Cloud Platform API client: OAuth client credentials, pacing, retries, endpoints and notifications.
 * Wire DTOs stay package-private and are mapped to model types at the edge.
 */
package dev.switchboard.genesys;
