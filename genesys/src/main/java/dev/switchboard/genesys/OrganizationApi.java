package dev.switchboard.genesys;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/** Wrap-up codes and the dialer mapping, organization limits, SMS numbers and token info. Thread-safe. */
public final class OrganizationApi {

    /** The documented key of the per-token request budget. */
    public static final String RATE_LIMIT_KEY = "client.credentials.token.rate.per.minute";
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;
    private static final Set<String> MAPPING_READ_ONLY = Set.of("id", "dateCreated", "dateModified", "selfUri");


    record WrapupListing(List<Org.WrapupCode> entities, Integer pageCount) {
    }

    record SmsListing(List<Org.SmsPhoneNumber> entities, Integer pageCount) {
    }

    record LimitListing(List<Org.Limit> entities) {
    }

    record TimeSetListing(List<Org.CallableTimeSet> entities, Integer pageCount) {
    }

    private final ApiTransport transport;

    OrganizationApi(ApiTransport transport) {
        this.transport = transport;
    }

    /** Every wrap-up code (all pages). */
    public List<Org.WrapupCode> wrapupCodes() {
        return allPages("/api/v2/routing/wrapupcodes", WrapupListing.class, WrapupListing::entities,
                WrapupListing::pageCount);
    }

    /** Every callable time set of the org (all pages). */
    public List<Org.CallableTimeSet> callableTimeSets() {
        return allPages("/api/v2/outbound/callabletimesets", TimeSetListing.class, TimeSetListing::entities,
                TimeSetListing::pageCount);
    }

    private <L, T> List<T> allPages(String path, Class<L> type, java.util.function.Function<L, List<T>> entities,
                                    java.util.function.Function<L, Integer> pageCount) {
        List<T> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            L l = transport.json(ApiCall.get(path).query("pageSize", PAGE_SIZE).query("pageNumber", page), type);
            if (l == null || entities.apply(l) == null || entities.apply(l).isEmpty()) {
                break;
            }
            out.addAll(entities.apply(l));
            Integer pages = pageCount.apply(l);
            if (pages == null || page >= pages) {
                break;
            }
        }
        return out;
    }

    /** The dialer's wrap-up code mapping. */
    public Org.WrapupCodeMapping wrapupCodeMapping() {
        return transport.json(ApiCall.get("/api/v2/outbound/wrapupcodemappings"), Org.WrapupCodeMapping.class);
    }

    /** Read-modify-write PUT of the mapping; 409 → re-read and re-apply (at most 3 retries). */
    public Org.WrapupCodeMapping updateWrapupCodeMapping(UnaryOperator<Org.WrapupCodeMapping> change) {
        return ReadModifyWrite.update("update wrap-up code mapping",
                () -> (ObjectNode) Json.tree(transport.execute(ApiCall.get("/api/v2/outbound/wrapupcodemappings"))
                        .body()),
                Org.WrapupCodeMapping.class, change, MAPPING_READ_ONLY,
                merged -> transport.json(ApiCall.put("/api/v2/outbound/wrapupcodemappings").body(merged)
                        .priority(Priority.COMPLIANCE_WRITE), Org.WrapupCodeMapping.class));
    }

    /** The effective limits of a namespace, e.g. {@code platform.api} or {@code outbound}. */
    public List<Org.Limit> limits(String namespace) {
        LimitListing l = transport.json(ApiCall.get("/api/v2/organizations/limits/namespaces/{}", namespace),
                LimitListing.class);
        return l == null || l.entities() == null ? List.of() : l.entities();
    }

    /** The per-token request budget per minute, if the org reports it. */
    public OptionalLong tokenRateLimitPerMinute() {
        return limits("platform.api").stream()
                .filter(l -> RATE_LIMIT_KEY.equals(l.key()) && l.value() != null && l.value() > 0)
                .mapToLong(Org.Limit::value)
                .findFirst();
    }

    /** Every provisioned SMS number (all pages). */
    public List<Org.SmsPhoneNumber> smsPhoneNumbers() {
        List<Org.SmsPhoneNumber> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            SmsListing l = transport.json(ApiCall.get("/api/v2/routing/sms/phonenumbers")
                    .query("pageSize", PAGE_SIZE).query("pageNumber", page), SmsListing.class);
            if (l == null || l.entities() == null || l.entities().isEmpty()) {
                break;
            }
            out.addAll(l.entities());
            if (l.pageCount() == null || page >= l.pageCount()) {
                break;
            }
        }
        return out;
    }

    /** The token's organization and OAuth client. */
    public Org.TokenInfo tokenInfo() {
        return transport.json(ApiCall.get("/api/v2/tokens/me"), Org.TokenInfo.class);
    }
}
