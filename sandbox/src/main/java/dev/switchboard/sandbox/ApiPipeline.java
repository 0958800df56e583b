package dev.switchboard.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

import com.atlassian.oai.validator.report.ValidationReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * What every request goes through: correlation id and rate-limit headers on every response; for {@code /api/v2}:
 * latency fault, bearer-token check, the per-client budget, injected 429/503/409, validation against the spec, and
 * after the handler the read-timeout fault.
 */
final class ApiPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);
    static final Duration HANG = Duration.ofSeconds(30);

    private final TokenService tokens;
    private final RequestBudget budget;
    private final SandboxMetrics metrics;
    private final SandboxFaults faults;
    private final Supplier<SpecValidator> validator;
    private final CountDownLatch closing = new CountDownLatch(1);

    /** {@code validator} may block until the spec is parsed (seconds, once per JVM). */
    ApiPipeline(TokenService tokens, RequestBudget budget, SandboxFaults faults, Supplier<SpecValidator> validator,
                SandboxMetrics metrics) {
        this.metrics = metrics;
        this.tokens = tokens;
        this.budget = budget;
        this.faults = faults;
        this.validator = validator;
    }

    void install(RoutesConfig routes) {
        routes.before(this::everyRequest);
        routes.before("/api/v2/*", this::apiRequest);
        routes.after("/api/v2/*", this::afterApiRequest);
        routes.exception(ApiException.class, (e, ctx) -> {
            rateHeaders(ctx, ctx.attribute(Http.ATTR_CLIENT));
            Http.error(ctx, e);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = switch (status) {
                case 404 -> "not.found";
                case 405 -> "method.not.allowed";
                case 413 -> "request.entity.too.large";
                case 415 -> "unsupported.media.type";
                default -> status >= 500 ? "internal.server.error" : "bad.request";
            };
            Http.error(ctx, new ApiException(status, code, e.getMessage()));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            Http.error(ctx, new ApiException(500, "internal.server.error",
                    "The server encountered an unexpected condition"));
        });
    }

    /** Releases every response held back by the read-timeout fault (on close). */
    void release() {
        closing.countDown();
    }

    private void everyRequest(Context ctx) {
        String correlation = UUID.randomUUID().toString();
        ctx.attribute(Http.ATTR_CORRELATION, correlation);
        ctx.header(Http.CORRELATION, correlation);
        rateHeaders(ctx, null);
    }

    private void apiRequest(Context ctx) throws InterruptedException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            sleep(latency);
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "authentication.required",
                    "No authentication bearer token specified in authorization header.");
        }
        String value = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        TokenService.Token token = value.isEmpty() ? null : tokens.find(value);
        if (token == null) {
            throw new ApiException(401, "bad.credentials", "Invalid login credentials.");
        }
        ctx.attribute(Http.ATTR_CLIENT, token.clientId());
        ctx.attribute(Http.ATTR_TOKEN, token.value());
        RequestBudget.Usage usage = budget.take(token.clientId());
        rateHeaders(ctx, usage);
        if (!usage.allowed()) {
            metrics.budgetRejected();
            ctx.header("Retry-After", Integer.toString(usage.resetSeconds()));
            throw tooManyRequests();
        }
        metrics.counted(System.currentTimeMillis());
        metrics.route(ctx.method().name(), ctx.path());
        if (faults.withheld(ctx.method().name(), ctx.path())) {
            throw new ApiException(403, "missing.permissions",
                    "You are missing the following permission(s) for " + ctx.method().name() + " " + ctx.path());
        }
        if (faults.roll(faults.rate429())) {
            metrics.injectedRejected();
            ctx.header("Retry-After", Integer.toString(faults.retryAfterSeconds()));
            throw tooManyRequests();
        }
        if (faults.roll(faults.rate5xx())) {
            throw new ApiException(503, "service.unavailable",
                    "The service is currently unavailable. Please try again later.");
        }
        if (SandboxFaults.versionedUpdate(ctx.method().name(), ctx.path()) && faults.conflict()) {
            throw ApiException.wrongVersion();
        }
        validate(ctx);
    }

    private static ApiException tooManyRequests() {
        return new ApiException(429, "too.many.requests.retry.after",
                "Rate limit exceeded the maximum. Retry the request in [Retry-After] seconds");
    }

    private void validate(Context ctx) {
        String body = ctx.body();
        String contentType = ctx.contentType();
        if (body.isEmpty()) {
            contentType = null;
        }
        List<ValidationReport.Message> messages = validator.get().validate(ctx.method().name(), ctx.path(),
                ctx.queryParamMap(), contentType, body);
        if (messages.isEmpty()) {
            return;
        }
        for (ValidationReport.Message m : messages) {
            if (m.getKey().equals("validation.request.path.missing")) {
                throw ApiException.notFound("not.found", "The requested resource was not found: " + ctx.path());
            }
            if (m.getKey().equals("validation.request.operation.notAllowed")) {
                throw new ApiException(405, "method.not.allowed", m.getMessage());
            }
            if (m.getKey().startsWith("validation.request.contentType")) {
                throw new ApiException(415, "unsupported.media.type", m.getMessage());
            }
        }
        List<ApiException.Detail> details = new ArrayList<>();
        StringBuilder text = new StringBuilder("The request could not be understood by the server due to malformed "
                + "syntax.");
        for (ValidationReport.Message m : messages) {
            String field = m.getContext().flatMap(c -> c.getPointers().map(p -> p.getInstance())).orElse(null);
            if (field == null) {
                field = m.getContext().flatMap(c -> c.getParameter().map(p -> p.getName())).orElse(null);
            }
            details.add(new ApiException.Detail(m.getKey(), field));
            text.append(' ');
            if (field != null && !field.isEmpty()) {
                text.append(field).append(": ");
            }
            text.append(m.getMessage());
        }
        throw new ApiException(400, "bad.request", text.toString(), details);
    }

    private void afterApiRequest(Context ctx) throws InterruptedException {
        int status = ctx.status().getCode();
        if (status < 200 || status >= 300) {
            return;
        }
        if (faults.roll(faults.dropConnectionAfterAction())) {
            // the action took effect; the client's connection ends without a response
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            if (request != null) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                return;
            }
        }
        if (!faults.roll(faults.readTimeoutAfterAction())) {
            return;
        }
        // the action took effect; the client now sees nothing until it gives up
        closing.await(HANG.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rateHeaders(Context ctx, Object usageOrClient) {
        RequestBudget.Usage usage = usageOrClient instanceof RequestBudget.Usage u ? u
                : budget.peek(usageOrClient instanceof String s ? s : null);
        ctx.header("inin-ratelimit-count", Integer.toString(usage.count()));
        ctx.header("inin-ratelimit-allowed", Integer.toString(usage.limit()));
        ctx.header("inin-ratelimit-reset", Integer.toString(usage.resetSeconds()));
    }

    private void sleep(Duration d) throws InterruptedException {
        closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
