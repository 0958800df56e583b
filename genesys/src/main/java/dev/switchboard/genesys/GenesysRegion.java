package dev.switchboard.genesys;

import java.net.URI;
import java.util.Locale;

/**
 * The Genesys Cloud regions (genesys-api.md section 1) and the hosts derived from their domain.
 * Immutable and thread-safe.
 */
public enum GenesysRegion {
    US_EAST_1("mypurecloud.com"),
    US_EAST_2("use2.us-gov-pure.cloud"),
    US_WEST_2("usw2.pure.cloud"),
    CA_CENTRAL_1("cac1.pure.cloud"),
    SA_EAST_1("sae1.pure.cloud"),
    MX_CENTRAL_1("mxc1.pure.cloud"),
    EU_WEST_1("mypurecloud.ie"),
    EU_WEST_2("euw2.pure.cloud"),
    EU_CENTRAL_1("mypurecloud.de"),
    EU_CENTRAL_2("euc2.pure.cloud"),
    EUSC_DE_EAST_1("edee1.eusc-pure.cloud"),
    ME_CENTRAL_1("mec1.pure.cloud"),
    AP_SOUTH_1("aps1.pure.cloud"),
    AP_SOUTHEAST_1("apse1.pure.cloud"),
    AP_SOUTHEAST_2("mypurecloud.com.au"),
    AP_NORTHEAST_1("mypurecloud.jp"),
    AP_NORTHEAST_2("apne2.pure.cloud"),
    AP_NORTHEAST_3("apne3.pure.cloud");

    private final String domain;

    GenesysRegion(String domain) {
        this.domain = domain;
    }

    /** The region's domain, e.g. {@code mypurecloud.com}. */
    public String domain() {
        return domain;
    }

    /** The Platform API base, {@code https://api.{domain}}. */
    public URI apiBase() {
        return URI.create("https://api." + domain);
    }

    /** The login (OAuth) base, {@code https://login.{domain}}. */
    public URI loginBase() {
        return URI.create("https://login." + domain);
    }

    /** The endpoint for this region. */
    public GenesysEndpoint endpoint() {
        return GenesysEndpoint.of(apiBase(), loginBase());
    }

    /**
     * Looks a region up by its Genesys name ({@code us_east_1}, {@code eu-west-1}, any case).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static GenesysRegion fromName(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (GenesysRegion region : values()) {
            if (region.name().equals(key)) {
                return region;
            }
        }
        throw new IllegalArgumentException("Unknown Genesys Cloud region '" + name + "'; known regions: "
                + java.util.Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
    }
}
