/**
 * A simulated Genesys Cloud org on a loopback port. It imports nothing of {@code dev.switchboard.genesys}: it stands
 * on the published API shapes, so the client and the sandbox cannot agree on a mistake.
 */
package dev.switchboard.sandbox;
