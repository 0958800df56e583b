/**
 * A simulated Genesys Cloud org on a loopback port. It imports nothing of {@code dev.switchboard.genesys}: it stands
 * on the published API shapes, so the client and the sandbox cannot agree on a mistake.
 *
 * <h2>Starting it</h2>
 * <pre>{@code
 * try (Sandbox org = Sandbox.start(SandboxConfig.defaults().withStateFile(Path.of("org.json")))) {
 *     URI api = org.apiBaseUrl();      // http://127.0.0.1:PORT, API paths /api/v2/...
 *     URI login = org.loginBaseUrl();  // token: POST {login}/oauth/token, Basic client id:secret
 * }
 * }</pre>
 * Standalone: {@code java -cp ... dev.switchboard.sandbox.SandboxMain --port 8089 --seed 1 --state org.json}
 * (see {@link dev.switchboard.sandbox.SandboxMain} for every option); it prints the base URLs and the client
 * credentials, which derive from the seed and so survive restarts.
 *
 * <h2>What every request goes through</h2>
 * Every response carries {@code ININ-Correlation-Id} and {@code inin-ratelimit-count/-allowed/-reset}. For
 * {@code /api/v2}: injected latency, the bearer token (401 {@code authentication.required} without one,
 * {@code bad.credentials} when unknown, expired or revoked), the per-client budget (fixed window on the real-time
 * minute; 429 {@code too.many.requests.retry.after} with {@code Retry-After}), injected 429/503, validation against
 * {@code openapi-subset.json} with swagger-request-validator (400 {@code bad.request}, the validator's messages in
 * {@code message} and {@code details[]}), then the rules the spec omits (765-character SMS, one email recipient,
 * 1000/50/250 items, search page size 100, lower-case messenger types, known contact columns with string values,
 * zip codes, versions, {@code *.not.found} codes). Errors are Genesys {@code ErrorBody} JSON.
 *
 * <h2>The seeded world</h2>
 * Behaviour is a pure function of (seed, address) through SHA-256, never shared random state:
 * <ul>
 *   <li>SMS: status {@code queued} (1 s) → {@code sent} → {@code delivery-success} after 2–20 s of virtual time, or
 *   {@code delivery-failed} ({@code InvalidDestination}) for about 4 % of numbers. About 10 % of recipients
 *   answer the first message with {@code STOP}, 4 % with {@code STOP} and a day later {@code START}, 6 %
 *   {@code HELP}, 5 % "pls stop texting me" (no keyword: no platform opt-out), 10 % free text, the rest nothing;
 *   replies come 1–30 virtual minutes after delivery. STOP words
 *   ({@code STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT}) opt the
 *   number out, START words ({@code START, YES, UNSTOP}) opt it back in; while opted out, sends are accepted and
 *   then fail ({@code failed}, receipt reason {@code RecipientOptedOut}) and are not ledgered.</li>
 *   <li>Replies appear as inbound messages on the conversation ({@code GET /api/v2/conversations/messages/{id}},
 *   text in {@code normalizedMessage.text} of the message) and as events on topic
 *   {@code v2.routing.queues.7a5d1e2b-3c4f-4a6b-9c8d-0e1f2a3b4c5d.conversations.messages}
 *   ({@link dev.switchboard.sandbox.Sandbox#INBOUND_QUEUE_ID}).</li>
 *   <li>Email: always accepted. The sandbox also plays the email service provider: about 6 % of addresses bounce
 *   (5–125 virtual seconds later), 4 % unsubscribe (10 minutes to 10 hours later). These are never visible through a
 *   Genesys endpoint; they are POSTed to {@link dev.switchboard.sandbox.SandboxConfig#webhookUrl()} as JSON:
 *   <pre>{@code
 * {"id": "<32 hex, stable per event>", "type": "bounce" | "unsubscribe", "email": "someone@example.com",
 *  "timestamp": "2026-01-05T09:00:00.000Z", "conversationId": "...", "messageId": "...",
 *  "bounceType": "hard", "reason": "550 5.1.1 ..."}       // bounceType and reason only for bounces
 * }</pre>
 *   Delivery is at most once, fire-and-forget (a failed POST is logged, not retried).</li>
 *   <li>Voice: the dialer calls contacts of voice campaigns that are {@code on}, {@code outboundLineCount} calls per
 *   virtual minute, honouring {@code callable}, {@code phoneNumberStatus}, attached DNC lists (written as
 *   {@code ININ-OUTBOUND-DNC-SKIPPED}) and the callable time set (in the contact's {@code timeZone}/{@code tz} data
 *   column if present, else the set's zone). Outcomes: about 40 % answered (30 % of those a sale, 6 % "do not
 *   call"), 25 % no answer, 10 % busy, 25 % answering machine, 5 % of numbers wrong. Each call writes
 *   {@code callRecords[column] {lastAttempt, lastResult: wrap-up code id}}, applies the wrap-up mapping flags
 *   ({@code NUMBER_UNCALLABLE}, {@code CONTACT_UNCALLABLE}), emits
 *   {@code v2.outbound.voice.campaigns.contact.preContact / postContact} and campaign progress events, and is
 *   ledgered. A contact is done after a live answer or when
 *   its numbers are used up; the campaign goes {@code complete} when every contact is done.</li>
 *   <li>Messaging campaigns send one message per contact at {@code messagesPerMinute} (text from
 *   {@code smsConfig.messageColumn} or the content template with {@code {{column}}} substituted).</li>
 * </ul>
 * Seeded org configuration: wrap-up codes (Answered - Sale, Answered - No Sale, No Answer, Busy, Answering Machine,
 * Wrong Number, Do Not Call) and a default mapping; callable time sets "Business hours (US Central)" (Mon–Fri
 * 09:00–20:00 America/Chicago), "Always" and "Compliance hours (contact local time)" (Mon–Fri 10:00–18:00, Sat
 * 10:00–17:00); one voice and one digital rule set; SMS numbers +13177340100,
 * +13177340101 (local) and +18887340100 (toll-free).
 *
 * <h2>Time</h2>
 * A {@link dev.switchboard.sandbox.VirtualClock} (speed {@code clockSpeed}, e.g. 10080 = a week per minute) drives
 * message status, replies, provider events, the dialer, token lifetime and callable windows. The request budget,
 * WebSocket heartbeats (30 s, {@link dev.switchboard.sandbox.Sandbox#heartbeatInterval}) and channel lifetime
 * (24 h) run on real time.
 *
 * <h2>Sandbox-only endpoints (no token, not Genesys)</h2>
 * <ul>
 *   <li>{@code GET /sandbox/ledger}: every delivered touch, a JSON array of
 *   {@code {at, channel, address, contentSha256, campaignId, conversationId, messageId}}. Also in
 *   {@link dev.switchboard.sandbox.Sandbox#ledger()} and appended to {@code ledger.jsonl} beside the state file.
 *   A touch is an SMS handed to the carrier (not one blocked by an opt-out), an email handed to the provider, a
 *   call placed.</li>
 *   <li>{@code GET|POST /sandbox/faults}: {@code {rate429, rate5xx, latencyMs, readTimeoutAfterAction,
 *   retryAfterSeconds, reset, revokeAllTokens, closeSockets, orgWideOutboundTopics}}.</li>
 *   <li>{@code GET|POST /sandbox/clock}: {@code {speed, advanceSeconds, advance: "PT2H"}}.</li>
 *   <li>{@code GET /sandbox/exports/{id}.csv}: DNC exports ({@code value,type,expirationDateTime}), the
 *   {@code uri} of {@code GET /api/v2/outbound/dnclists/{id}/export}.</li>
 * </ul>
 *
 * <h2>State</h2>
 * Contact lists, contacts, DNC lists, campaigns and their runs, conversations and messages, opt-outs, pending world
 * events, the ledger and the virtual time persist in {@code stateFile} (one JSON document, written to a temporary
 * file and moved atomically, at most 150 ms after a change and on close). Tokens and notification channels do not.
 */
package dev.switchboard.sandbox;
